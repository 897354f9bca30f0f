import { createHttpClient, type HttpClient, type RetryPolicy } from '../http-client.js';
import type { RateLimiter } from '../rate-limiter.js';
import { sleep } from '../sleep.js';

const silent = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

/** The kit client as production wires it, with quick retries for tests. */
export function testHttp(
  options: { retry?: RetryPolicy; timeoutMs?: number; limiter?: RateLimiter } = {},
): HttpClient {
  return createHttpClient({
    fetch: globalThis.fetch,
    clock: { now: () => Date.now() },
    sleep,
    random: () => 0.5,
    logger: silent,
    timeoutMs: options.timeoutMs ?? 2000,
    maxResponseBytes: 1_000_000,
    retry: options.retry ?? { maxRetries: 2, baseDelayMs: 5, maxWaitMs: 2000 },
    ...(options.limiter ? { limiter: options.limiter } : {}),
  });
}
