import type { Clock } from '../../core/ports/clock.js';
import type { SharedRateLimits } from '../../core/ports/shared-rate-limits.js';
import type { BucketConfig, RateLimiter } from './rate-limiter.js';

/**
 * A limiter whose budget every process of the deployment shares: each call first passes this process's
 * own limiter (pauses, arrival order), then takes a slot from the database's (one row per key, so two
 * worker processes on one Ashby key together stay under its rate). A 429 pause is written there too, so
 * every process waits it out. When the database cannot be asked, the local limiter alone holds the
 * line: a failed limit check must not fail the call.
 */
export function withSharedLimits(
  local: RateLimiter,
  shared: SharedRateLimits,
  options: {
    readonly clock: Clock;
    readonly sleep: (ms: number) => Promise<void>;
    readonly limitFor: (key: string) => BucketConfig;
    readonly onError: (err: unknown) => void;
  },
): RateLimiter {
  const { clock, sleep } = options;
  return {
    async acquire(key, acquireOptions = {}) {
      const first = await local.acquire(key, acquireOptions);
      if (!first.ok) return first;
      const maxWaitMs = acquireOptions.maxWaitMs ?? Number.POSITIVE_INFINITY;
      const config = options.limitFor(key);
      const limit = { intervalMs: 1000 / config.ratePerSecond, burst: config.burst };
      for (;;) {
        const now = clock.now();
        let slot;
        try {
          slot = await shared.take(key, now, limit);
        } catch (err) {
          options.onError(err);
          return first;
        }
        if (slot.ok) return slot;
        if (slot.pausedUntil > now) local.pauseUntil(key, slot.pausedUntil);
        const waitMs = Math.max(1, slot.retryAtMs - now);
        if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: waitMs };
        await sleep(waitMs);
      }
    },
    pauseUntil(key, untilMs) {
      local.pauseUntil(key, untilMs);
      shared.pause(key, untilMs).catch(options.onError);
    },
    pausedUntil: (key) => local.pausedUntil(key),
  };
}
