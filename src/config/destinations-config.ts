import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** The environment variables of destinations and the outbound address policy (README, "Destinations"). */
export const DESTINATION_ENV = {
  /**
   * Allow admin-typed URLs (destination URLs, the Slack webhook, a custom Ashby API URL) to use http and
   * to reach private, loopback and link-local addresses. Off by default: public https only.
   */
  ALLOW_PRIVATE_OUTBOUND: booleanFlag.default(false),
  /** First retry delay of a failed push (doubles per attempt, with jitter, up to 4 hours). */
  DESTINATION_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  /** Calls per minute to one destination, shared by every worker of the deployment. */
  DESTINATION_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** Per-call timeout to a destination, in milliseconds. */
  DESTINATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
};

export interface DestinationsConfig {
  readonly allowPrivateOutbound: boolean;
  readonly retryBaseMs: number;
  readonly requestsPerMinute: number;
  readonly timeoutMs: number;
}

export function destinationsConfig(e: {
  ALLOW_PRIVATE_OUTBOUND: boolean;
  DESTINATION_RETRY_BASE_MS: number;
  DESTINATION_REQUESTS_PER_MINUTE: number;
  DESTINATION_TIMEOUT_MS: number;
}): DestinationsConfig {
  return {
    allowPrivateOutbound: e.ALLOW_PRIVATE_OUTBOUND,
    retryBaseMs: e.DESTINATION_RETRY_BASE_MS,
    requestsPerMinute: e.DESTINATION_REQUESTS_PER_MINUTE,
    timeoutMs: e.DESTINATION_TIMEOUT_MS,
  };
}
