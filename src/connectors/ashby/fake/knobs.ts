import { z } from 'zod';

/**
 * Fault knobs. The random faults act on API calls (`POST /<category>.<method>`) only; control routes and
 * file downloads are exempt so a test can always drive and inspect a misbehaving simulator. The two
 * `file*` knobs are deliberate, not random: they shape file links and downloads.
 */
const probability = z.number().min(0).max(1);

export const knobsSchema = z.strictObject({
  /** Fixed delay before each API call is answered (real milliseconds). */
  latencyMs: z.number().min(0),
  /** Probability that a call answers HTTP 429. */
  rateLimitProbability: probability,
  /** How a random 429 says when to come back; 'none' omits Retry-After (Ashby's use of it is UNCONFIRMED). */
  retryAfterFormat: z.enum(['seconds', 'http-date', 'none']),
  retryAfterSeconds: z.number().int().min(0),
  /** Probability that a call answers 500, 502 or 503. */
  serverErrorProbability: probability,
  /** Probability that the socket is destroyed without an answer. */
  dropProbability: probability,
  /** Probability that the call is never answered (until the client gives up or the simulator closes). */
  hangProbability: probability,
  /** Per-key limit: at most N calls per rolling 60 s window, then 429 + Retry-After (seconds). null = off. */
  rateLimitPerMinute: z.number().int().min(1).nullable(),
  /** Random faults hit only these endpoints (e.g. ["application.info"]); null = all endpoints. */
  faultEndpoints: z.array(z.string()).nullable(),
  /** Probability that a webhook delivery is sent twice (same body, same webhookActionId). */
  duplicateDeliveryProbability: probability,
  /** Shuffle the order in which one event's fan-out deliveries start. */
  shuffleFanOut: z.boolean(),
  /**
   * Files: `file.info` hands out links on this base instead of the simulator's own URL (a hostile or
   * misconfigured Ashby, e.g. "http://169.254.169.254"); null = the simulator's URL.
   */
  fileUrlBase: z.string().nullable(),
  /** Files: downloads of these file ids serve OVERSIZED_FILE_BYTES (25 MiB + 1) of filler instead of their content. */
  oversizedFileIds: z.array(z.string()),
});
export type Knobs = z.infer<typeof knobsSchema>;
export const partialKnobsSchema = knobsSchema.partial();
export type PartialKnobs = z.infer<typeof partialKnobsSchema>;

export const DEFAULT_KNOBS: Knobs = {
  latencyMs: 0,
  rateLimitProbability: 0,
  retryAfterFormat: 'seconds',
  retryAfterSeconds: 1,
  serverErrorProbability: 0,
  dropProbability: 0,
  hangProbability: 0,
  rateLimitPerMinute: null,
  faultEndpoints: null,
  duplicateDeliveryProbability: 0,
  shuffleFanOut: false,
  fileUrlBase: null,
  oversizedFileIds: [],
};

/** One byte above HireBridge's 25 MiB document limit. */
export const OVERSIZED_FILE_BYTES = 25 * 1024 * 1024 + 1;

/** Merges a partial update; throws a readable error on a bad value (exactOptionalPropertyTypes-safe). */
export function mergeKnobs(current: Knobs, update: unknown): Knobs {
  const parsed = partialKnobsSchema.parse(update);
  const next: Knobs = { ...current };
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== undefined) Object.assign(next, { [key]: value });
  }
  return next;
}

export type Fault =
  | { kind: 'drop' }
  | { kind: 'hang' }
  | { kind: 'rate-limit' }
  | { kind: 'server-error'; status: 500 | 502 | 503 };

/**
 * Decides the random fault for one call. One draw per knob, always in the same order, so a given seed
 * produces the same fault sequence whatever the knob values.
 */
export function drawFault(knobs: Knobs, endpoint: string, random: () => number): Fault | undefined {
  const draws = [random(), random(), random(), random(), random()] as const;
  if (knobs.faultEndpoints !== null && !knobs.faultEndpoints.includes(endpoint)) return undefined;
  if (draws[0] < knobs.dropProbability) return { kind: 'drop' };
  if (draws[1] < knobs.hangProbability) return { kind: 'hang' };
  if (draws[2] < knobs.rateLimitProbability) return { kind: 'rate-limit' };
  if (draws[3] < knobs.serverErrorProbability) {
    const statuses = [500, 502, 503] as const;
    return { kind: 'server-error', status: statuses[Math.floor(draws[4] * 3)] ?? 500 };
  }
  return undefined;
}

/** The Retry-After header value for a random 429, or undefined when the knob says to omit it. */
export function retryAfterValue(knobs: Knobs, nowMs: number): string | undefined {
  switch (knobs.retryAfterFormat) {
    case 'seconds':
      return String(knobs.retryAfterSeconds);
    case 'http-date':
      return new Date(nowMs + knobs.retryAfterSeconds * 1000).toUTCString();
    case 'none':
      return undefined;
  }
}
