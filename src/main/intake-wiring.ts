import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordDelivery } from '../app/record-delivery.js';
import type { AshbySource } from '../connectors/ashby/index.js';
import { createHttpClient } from '../connectors/kit/http-client.js';
import { createRateLimiter } from '../connectors/kit/rate-limiter.js';
import { sleep } from '../connectors/kit/sleep.js';
import { connectorRegistry } from '../connectors/registry.js';
import type { Clock } from '../core/ports/clock.js';
import type { DeliveryIntake } from '../core/ports/delivery-intake.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { Logger } from '../core/ports/logger.js';
import { intakeData } from '../db/stores/delivery-store.js';
import type { Database } from '../db/tables/database.js';
import { groupCommitTransactor, transactor, type TransactionHooks } from '../db/transactor.js';
import { jobCatalog } from '../jobs/catalog.js';
import { jobQueueOn } from '../queue/job-queue.js';

/**
 * Ashby instances from the registry's definition, on one HTTP client and one rate limiter. One instance
 * (with its reader caches) is kept per API key for the life of the process, so warm caches survive from
 * one import job to the next; the limiter bucket is per key too, so a 429 seen by one job pauses every
 * call made with that key.
 */
export function ashbySources(options: {
  readonly fetch: typeof globalThis.fetch;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Client-side limit per API key. Ashby publishes no number (UNCONFIRMED), so it is configurable. */
  readonly requestsPerMinute: number;
  readonly timeoutMs: number;
}) {
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
  const instances = new Map<string, AshbySource>();
  return (apiUrl: string, apiKey: string): AshbySource => {
    const keyId = createHash('sha256').update(`${apiUrl}\n${apiKey}`).digest('hex').slice(0, 16);
    let source = instances.get(keyId);
    if (!source) {
      const context = { http, baseUrl: apiUrl, limiterKey: `ashby:${keyId}`, clock: options.clock };
      source = connectorRegistry.ashby.create(context, { apiKey });
      instances.set(keyId, source);
    }
    return source;
  };
}

/**
 * The webhook intake's store-then-ack: app/record-delivery.ts in one transaction per delivery, or with
 * `groupCommit` (SQLite) in one shared commit per burst (see db/transactor.ts).
 */
export function deliveryIntake(
  db: Kysely<Database>,
  clock: Clock,
  ids: IdGenerator,
  wakeWorkers: () => void,
  options: { readonly groupCommit: boolean },
): DeliveryIntake {
  const bind = (handle: Kysely<Database>, hooks: TransactionHooks) =>
    intakeData(
      handle,
      jobQueueOn(handle, { clock, ids, catalog: jobCatalog, afterCommit: hooks.afterCommit, wakeWorkers }),
    );
  const units = options.groupCommit ? groupCommitTransactor(db, bind) : transactor(db, bind);
  return {
    record: async (delivery, importApplication) => ({
      duplicate: !(await units.transaction((data) => recordDelivery(data, delivery, importApplication))),
    }),
  };
}
