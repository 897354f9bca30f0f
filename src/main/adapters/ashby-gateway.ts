import { createHash } from 'node:crypto';
import { createAshbyClient } from '../../connectors/ashby/client.js';
import { fetchHireIfHired } from '../../connectors/ashby/fetch-hire.js';
import { probePermissions } from '../../connectors/ashby/permissions.js';
import { createAshbyReader, type AshbyReader } from '../../connectors/ashby/reader.js';
import { createHttpClient } from '../../connectors/kit/http-client.js';
import { createRateLimiter } from '../../connectors/kit/rate-limiter.js';
import type { AshbyGateway } from '../../core/ports/ashby-gateway.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';

export interface AshbyGatewayOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Client-side limit per API key. Ashby publishes no number (UNCONFIRMED), so it is configurable. */
  readonly requestsPerMinute: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Builds Ashby gateways on one HTTP client and one rate limiter. A reader (with its caches) is kept per
 * API key for the life of the process, so warm caches survive from one import job to the next; the
 * limiter bucket is per key too, so a 429 seen by one job pauses every call made with that key.
 */
export function createAshbyGateways(options: AshbyGatewayOptions) {
  const limiter = createRateLimiter({
    clock: options.clock,
    sleep,
    defaults: { ratePerSecond: options.requestsPerMinute / 60, burst: Math.max(1, Math.min(20, Math.floor(options.requestsPerMinute / 6))) },
  });
  const http = createHttpClient({
    fetch: options.fetch,
    clock: options.clock,
    sleep,
    random: Math.random,
    logger: options.logger,
    timeoutMs: 15_000,
    maxResponseBytes: 5 * 1024 * 1024,
    retry: { maxRetries: 3, baseDelayMs: 250, maxWaitMs: 10_000 },
    limiter,
  });
  const readers = new Map<string, AshbyReader>();

  function readerFor(apiUrl: string, apiKey: string): AshbyReader {
    const keyId = createHash('sha256').update(`${apiUrl}\n${apiKey}`).digest('hex').slice(0, 16);
    let reader = readers.get(keyId);
    if (!reader) {
      const client = createAshbyClient({ http, apiUrl, apiKey, limiterKey: `ashby:${keyId}` });
      reader = createAshbyReader(client, { clock: options.clock });
      readers.set(keyId, reader);
    }
    return reader;
  }

  function forKey(apiUrl: string, apiKey: string): AshbyGateway {
    const reader = readerFor(apiUrl, apiKey);
    return {
      fetchHire: async (applicationId) => {
        const result = await fetchHireIfHired(reader, { applicationId });
        return result.kind === 'hired'
          ? { kind: 'hired', bundle: result.hire.bundle, definitions: result.hire.definitions }
          : { kind: 'not_hired', applicationStatus: result.applicationStatus };
      },
      listHiredApplications: async ({ cursor, createdAfter }) => {
        const page = await reader.client.applicationList({
          status: 'Hired',
          limit: 100,
          ...(cursor === null ? {} : { cursor }),
          ...(createdAfter === null ? {} : { createdAfter }),
        });
        return {
          applicationIds: page.results.map((a) => a.id),
          nextCursor: page.moreDataAvailable ? page.nextCursor : null,
        };
      },
      checkPermissions: async () => {
        const report = await probePermissions(reader.client);
        return {
          required: report.required.map((p) => ({ name: p.name, granted: p.granted, purpose: p.neededFor })),
          optional: report.optional.map((p) => ({ name: p.name, granted: p.granted, purpose: p.enables })),
        };
      },
      createWebhook: async (input) => {
        const created = await reader.client.webhookCreate(input);
        return { id: created.id, enabled: created.enabled };
      },
    };
  }

  return { forKey };
}
