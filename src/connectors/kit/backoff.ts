/**
 * Delay before in-client retry number `retry` (0 for the first retry): capped exponential with "equal
 * jitter", the same shape the job queue uses (src/queue/backoff.ts). Half the delay is fixed so a retry
 * never comes back immediately; the other half is random so a burst of failures spreads out.
 * `random` is in [0, 1).
 */
export function retryDelayMs(retry: number, baseDelayMs: number, capMs: number, random: number): number {
  const exponent = Math.min(Math.max(retry, 0), 30);
  const ceiling = Math.min(capMs, baseDelayMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + half * Math.min(Math.max(random, 0), 1));
}
