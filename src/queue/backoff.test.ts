import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.js';

const policy = { baseMs: 5_000, capMs: 30 * 60_000 };

describe('backoffDelayMs', () => {
  it('stays within [half the capped exponential, the capped exponential]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, random) => {
          const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
          const delay = backoffDelayMs(policy, attempt, random);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });

  it('has a non-decreasing envelope in the attempt number', () => {
    for (let attempt = 1; attempt < 40; attempt += 1) {
      expect(backoffDelayMs(policy, attempt + 1, 0)).toBeGreaterThanOrEqual(
        backoffDelayMs(policy, attempt, 0),
      );
    }
  });

  // From the sixth attempt on (delays of a minute and more), which is where a burst of failures matters.
  it('spreads 1,000 simultaneous failures so no one-second bucket holds more than 5% of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 12 }), fc.integer(), (attempt, seed) => {
        let state = seed >>> 0 || 1;
        const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
        const buckets = new Map<number, number>();
        for (let i = 0; i < 1000; i += 1) {
          const second = Math.floor(backoffDelayMs(policy, attempt, random()) / 1000);
          buckets.set(second, (buckets.get(second) ?? 0) + 1);
        }
        expect(Math.max(...buckets.values())).toBeLessThanOrEqual(50);
      }),
      { numRuns: 20 },
    );
  });
});
