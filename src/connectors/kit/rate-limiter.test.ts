import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

/** A manual clock whose sleep advances time, so pacing is checked exactly and instantly. */
function fakeTime() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    clock: { now: () => now },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
      await Promise.resolve();
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

describe('createRateLimiter', () => {
  it('lets a burst through at once, then paces at the configured rate', async () => {
    const t = fakeTime();
    const limiter = createRateLimiter({
      clock: t.clock,
      sleep: t.sleep,
      defaults: { ratePerSecond: 2, burst: 3 },
    });
    const start = t.clock.now();
    const granted: number[] = [];
    for (let i = 0; i < 7; i++) {
      expect(await limiter.acquire('ashby')).toEqual({ ok: true });
      granted.push(t.clock.now() - start);
    }
    expect(granted.slice(0, 3)).toEqual([0, 0, 0]);
    // Every further token costs 500 ms at 2/s.
    expect(granted.slice(3)).toEqual([500, 1000, 1500, 2000]);
  });

  it('keeps buckets per key and honours per-key overrides', async () => {
    const t = fakeTime();
    const limiter = createRateLimiter({
      clock: t.clock,
      sleep: t.sleep,
      defaults: { ratePerSecond: 1, burst: 1 },
      perKey: { fast: { ratePerSecond: 100, burst: 10 } },
    });
    await limiter.acquire('a');
    await limiter.acquire('b');
    expect(t.sleeps).toEqual([]);
    for (let i = 0; i < 10; i++) await limiter.acquire('fast');
    expect(t.sleeps).toEqual([]);
  });

  it('holds every caller of a key until the shared pause ends', async () => {
    const t = fakeTime();
    const limiter = createRateLimiter({
      clock: t.clock,
      sleep: t.sleep,
      defaults: { ratePerSecond: 1000, burst: 100 },
    });
    const pauseEnd = t.clock.now() + 7000;
    limiter.pauseUntil('ashby', pauseEnd);
    limiter.pauseUntil('ashby', pauseEnd - 5000); // an earlier pause never shortens the current one
    expect(limiter.pausedUntil('ashby')).toBe(pauseEnd);
    const times = await Promise.all(
      [1, 2, 3].map(async () => {
        await limiter.acquire('ashby');
        return t.clock.now();
      }),
    );
    for (const at of times) expect(at).toBeGreaterThanOrEqual(pauseEnd);
    expect(await limiter.acquire('other')).toEqual({ ok: true });
  });

  it('refuses to wait longer than maxWaitMs and reports the time left', async () => {
    const t = fakeTime();
    const limiter = createRateLimiter({
      clock: t.clock,
      sleep: t.sleep,
      defaults: { ratePerSecond: 10, burst: 1 },
    });
    limiter.pauseUntil('ashby', t.clock.now() + 60_000);
    expect(await limiter.acquire('ashby', { maxWaitMs: 5000 })).toEqual({ ok: false, retryAfterMs: 60_000 });
    expect(t.sleeps).toEqual([]);
  });

  it('rejects a nonsensical configuration', async () => {
    const t = fakeTime();
    const limiter = createRateLimiter({
      clock: t.clock,
      sleep: t.sleep,
      defaults: { ratePerSecond: 0, burst: 1 },
    });
    await expect(limiter.acquire('x')).rejects.toThrow(/ratePerSecond/);
  });
});
