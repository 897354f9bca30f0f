import { createHash } from 'node:crypto';
import { createAshbyClient } from '../../connectors/ashby/client.js';
import { createAshbyOpenings } from '../../connectors/ashby/openings.js';
import { fetchHireIfHired } from '../../connectors/ashby/fetch-hire.js';
import { probePermissions } from '../../connectors/ashby/permissions.js';
import { createAshbyReader, type AshbyReader } from '../../connectors/ashby/reader.js';
import { toCoreDefinition } from '../../connectors/ashby/to-bundle.js';
import { createHttpClient } from '../../connectors/kit/http-client.js';
import { createRateLimiter } from '../../connectors/kit/rate-limiter.js';
import { isAppError } from '../../core/errors/app-error.js';
import type { AshbyGateway } from '../../core/ports/ashby-gateway.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';

export interface AshbyGatewayOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Client-side limit per API key. Ashby publishes no number (UNCONFIRMED), so it is configurable. */
  readonly requestsPerMinute: number;
  /** Per-attempt timeout of an API call (ASHBY_TIMEOUT_MS). */
  readonly timeoutMs: number;
}

/**
 * Error codes with which Ashby refuses a sync token: `sync_token_expired` (seen in a third-party client,
 * UNCONFIRMED) and `incremental_sync_too_large` (changelog 2026-05-14). Either means: sync in full.
 */
const SYNC_TOKEN_REFUSED = new Set(['sync_token_expired', 'incremental_sync_too_large']);

function isSyncTokenRefusal(err: unknown): boolean {
  const code = isAppError(err) ? err.details?.['upstreamCode'] : undefined;
  return typeof code === 'string' && SYNC_TOKEN_REFUSED.has(code);
}

function epochMs(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
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
    defaults: {
      ratePerSecond: options.requestsPerMinute / 60,
      burst: Math.max(1, Math.min(20, Math.floor(options.requestsPerMinute / 6))),
    },
  });
  const http = createHttpClient({
    fetch: options.fetch,
    clock: options.clock,
    sleep,
    random: Math.random,
    logger: options.logger,
    timeoutMs: options.timeoutMs,
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
      applicationChanges: async ({ syncToken, cursor }) => {
        try {
          // The token goes with every page, the cursor from the second on ("send it and paginate with cursors").
          const page = await reader.client.applicationList({
            limit: 100,
            ...(syncToken === null ? {} : { syncToken }),
            ...(cursor === null ? {} : { cursor }),
          });
          return {
            kind: 'page',
            applications: page.results.map((a) => ({
              id: a.id,
              status: a.status,
              updatedAt: epochMs(a.updatedAt),
            })),
            nextCursor: page.moreDataAvailable ? page.nextCursor : null,
            syncToken: page.syncToken,
          };
        } catch (err) {
          if (syncToken !== null && isSyncTokenRefusal(err)) return { kind: 'sync_token_expired' };
          throw err;
        }
      },
      customFieldDefinitions: async (options = {}) => {
        // The reader clears its caches together; departments and users are cheap to read again.
        if (options.fresh === true) reader.clear();
        return (await reader.customFieldDefinitions()).map(toCoreDefinition);
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

  /** A short-lived download URL for a file handle (file.info), through the key's rate limiter and client. */
  const fileUrl = (apiUrl: string, apiKey: string, fileHandle: string): Promise<string> =>
    readerFor(apiUrl, apiKey).client.fileInfo(fileHandle);

  /** Opening sync calls for a key, on the same HTTP client and rate-limit bucket as its other calls. */
  const openingsFor = (apiUrl: string, apiKey: string) => {
    const keyId = createHash('sha256').update(`${apiUrl}\n${apiKey}`).digest('hex').slice(0, 16);
    return createAshbyOpenings({ http, apiUrl, apiKey, limiterKey: `ashby:${keyId}` });
  };

  return { forKey, fileUrl, openingsFor };
}
