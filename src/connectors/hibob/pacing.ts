import { createRateLimiter, type RateLimiter } from '../kit/rate-limiter.js';
import { sleep } from '../kit/sleep.js';
import { systemClock } from '../kit/system-time.js';

/**
 * Per-tenant pacing of HiBob calls on top of the deployment's limiter: writes one at a time at the write
 * limit, searches at the search limit (§2.4). Kept per tenant (the context's limiter key) for the life of
 * the process, because the push machinery may build a new connector instance per push while the limit
 * belongs to the tenant. Burst 1: writes are serialised, never sent in a clump.
 */
export interface HibobPacer {
  write(): Promise<void>;
  search(): Promise<void>;
}

const pacers = new Map<string, HibobPacer>();
/** A bound on distinct tenants kept; the oldest pacer is dropped past it (it is only timing state). */
const MAX_TENANTS = 1000;

export function pacerFor(limiterKey: string, writesPerMinute: number, searchesPerMinute: number): HibobPacer {
  const key = `${limiterKey}|${writesPerMinute}|${searchesPerMinute}`;
  const existing = pacers.get(key);
  if (existing) return existing;
  const limiter: RateLimiter = createRateLimiter({
    clock: systemClock,
    sleep,
    defaults: { ratePerSecond: writesPerMinute / 60, burst: 1 },
    perKey: { search: { ratePerSecond: searchesPerMinute / 60, burst: 1 } },
  });
  const pacer: HibobPacer = {
    write: async () => void (await limiter.acquire('write')),
    search: async () => void (await limiter.acquire('search')),
  };
  pacers.set(key, pacer);
  if (pacers.size > MAX_TENANTS) {
    const oldest = pacers.keys().next();
    if (!oldest.done) pacers.delete(oldest.value);
  }
  return pacer;
}
