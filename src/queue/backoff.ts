import type { BackoffPolicy } from './job-definition.js';

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, the other half random.
 * The fixed half keeps retries from coming back too soon; the random half spreads a burst of failures
 * (say, 500 jobs that met one Ashby outage) so they do not return together. `random` is in [0, 1).
 */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number, random: number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.round(half + half * random);
}
