import type { Clock } from '../../core/ports/clock.js';

/**
 * A per-key token bucket that also holds a shared pause. Hand-written rather than Bottleneck or p-queue:
 * Bottleneck has had no release since 2019, p-queue has no notion of "the server told us to stop until
 * T", and we need exactly that — when one call meets a 429 with `Retry-After`, every call through the
 * same key waits until then, so no request reaches the upstream before it allows.
 *
 * This is per process. Several worker processes each hold their own bucket; the queue's snooze of
 * rate-limited jobs is what keeps them from hammering together (reliability.md §3.2 describes the
 * database-row bucket to add if that ever proves insufficient).
 */
export interface BucketConfig {
  /** Tokens added per second (sustained request rate). */
  readonly ratePerSecond: number;
  /** Bucket size: how many requests may go at once after a quiet period. */
  readonly burst: number;
}

export type AcquireResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

export interface RateLimiter {
  /**
   * Waits for the key's pause to end and for a token. When the pause still has more than `maxWaitMs`
   * to run, returns at once with `ok: false` and the remaining time, so the caller can hand the wait
   * to the job queue instead of holding a worker slot.
   */
  acquire(key: string, options?: { readonly maxWaitMs?: number }): Promise<AcquireResult>;
  /** No request for `key` before `untilMs` (epoch ms). A later pause extends, an earlier one never shortens. */
  pauseUntil(key: string, untilMs: number): void;
  /** Epoch ms until which `key` is paused, or 0. */
  pausedUntil(key: string): number;
}

export interface RateLimiterOptions {
  readonly clock: Clock;
  readonly sleep: (ms: number) => Promise<void>;
  readonly defaults: BucketConfig;
  /** Per-key overrides, e.g. a lower rate for an upstream with a published tight limit. */
  readonly perKey?: Readonly<Record<string, BucketConfig>>;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
  pausedUntil: number;
  readonly config: BucketConfig;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { clock, sleep } = options;
  const buckets = new Map<string, Bucket>();

  const bucketFor = (key: string): Bucket => {
    let bucket = buckets.get(key);
    if (!bucket) {
      const config = options.perKey?.[key] ?? options.defaults;
      if (!(config.ratePerSecond > 0) || !(config.burst >= 1)) {
        throw new Error(`rate limiter for ${key}: ratePerSecond must be > 0 and burst >= 1`);
      }
      bucket = { tokens: config.burst, refilledAt: clock.now(), pausedUntil: 0, config };
      buckets.set(key, bucket);
    }
    return bucket;
  };

  const refill = (bucket: Bucket, now: number): void => {
    const elapsed = Math.max(0, now - bucket.refilledAt);
    bucket.tokens = Math.min(
      bucket.config.burst,
      bucket.tokens + (elapsed / 1000) * bucket.config.ratePerSecond,
    );
    bucket.refilledAt = now;
  };

  /** Waits out the pause (it may be extended while we sleep); false when it is longer than allowed. */
  const waitForPause = async (bucket: Bucket, maxWaitMs: number): Promise<AcquireResult> => {
    for (;;) {
      const remaining = bucket.pausedUntil - clock.now();
      if (remaining <= 0) return { ok: true };
      if (remaining > maxWaitMs) return { ok: false, retryAfterMs: remaining };
      await sleep(remaining);
    }
  };

  return {
    async acquire(key, acquireOptions = {}) {
      const bucket = bucketFor(key);
      const maxWaitMs = acquireOptions.maxWaitMs ?? Number.POSITIVE_INFINITY;
      const paused = await waitForPause(bucket, maxWaitMs);
      if (!paused.ok) return paused;
      // Reserve a token now, even if that drives the balance negative: each caller then sleeps for its
      // own place in line, which keeps callers in arrival order without a polling loop.
      const now = clock.now();
      refill(bucket, now);
      bucket.tokens -= 1;
      if (bucket.tokens < 0) {
        await sleep(Math.ceil((-bucket.tokens / bucket.config.ratePerSecond) * 1000));
      }
      // A 429 seen by someone else while we slept pauses us too.
      return waitForPause(bucket, maxWaitMs);
    },
    pauseUntil(key, untilMs) {
      const bucket = bucketFor(key);
      bucket.pausedUntil = Math.max(bucket.pausedUntil, untilMs);
    },
    pausedUntil(key) {
      return buckets.get(key)?.pausedUntil ?? 0;
    },
  };
}
