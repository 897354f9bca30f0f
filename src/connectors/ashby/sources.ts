import { createHash } from 'node:crypto';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { OutboundCallObserver } from '../../core/ports/metrics.js';
import type { SharedRateLimits } from '../../core/ports/shared-rate-limits.js';
import { connectorContext } from '../context.js';
import { createHttpClient } from '../kit/http-client.js';
import { createRateLimiter } from '../kit/rate-limiter.js';
import { withSharedLimits } from '../kit/shared-rate-limiter.js';
import { sleep } from '../kit/sleep.js';
import type { ashbyConnector, AshbySource } from './index.js';

/**
 * Ashby instances from the registry's definition, on one HTTP client and one rate limiter. One instance
 * (with its reader caches) is kept per API key for the life of the process, so warm caches survive from
 * one import job to the next; the limiter bucket is per key too, so a 429 seen by one job pauses every
 * call made with that key.
 */
export function ashbySources(
  definition: typeof ashbyConnector,
  options: {
    readonly fetch: typeof globalThis.fetch;
    readonly clock: Clock;
    readonly logger: Logger;
    /** Client-side limit per API key. Ashby publishes no number (UNCONFIRMED), so it is configurable. */
    readonly requestsPerMinute: number;
    readonly timeoutMs: number;
    readonly observer?: OutboundCallObserver;
    /** The database's limits, shared by every process of the deployment (per API key). */
    readonly shared?: SharedRateLimits;
  },
) {
  const defaults = {
    ratePerSecond: options.requestsPerMinute / 60,
    burst: Math.max(1, Math.min(20, Math.floor(options.requestsPerMinute / 6))),
  };
  const local = createRateLimiter({ clock: options.clock, sleep, defaults });
  const limiter = options.shared
    ? withSharedLimits(local, options.shared, {
        clock: options.clock,
        sleep,
        limitFor: () => defaults,
        onError: (err) =>
          options.logger.warn(
            { err: err instanceof Error ? err.message : String(err) },
            'shared rate limit unavailable; using this process alone',
          ),
      })
    : local;
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
    ...(options.observer ? { observer: options.observer } : {}),
  });
  const instances = new Map<string, AshbySource>();
  return (apiUrl: string, apiKey: string): AshbySource => {
    const keyId = createHash('sha256').update(`${apiUrl}\n${apiKey}`).digest('hex').slice(0, 16);
    let source = instances.get(keyId);
    if (!source) {
      const context = connectorContext(
        definition,
        { http, fetch: options.fetch, clock: options.clock },
        { baseUrl: apiUrl, limiterKey: `ashby:${keyId}` },
      );
      source = definition.create(context, { apiKey });
      instances.set(keyId, source);
    }
    return source;
  };
}
