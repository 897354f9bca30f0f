import type { z } from 'zod';

/** How long to wait before the next attempt after attempt `attempt` (1-based) failed. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/**
 * One kind of job, declared as data (the trigger.dev worker-catalog pattern): its payload schema, its
 * retry budget and backoff. Payloads carry ids only, never personal data.
 */
export interface JobDefinition<P = unknown> {
  readonly kind: string;
  readonly payload: z.ZodType<P>;
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  /** Lower runs first. */
  readonly priority?: number;
  /** While a job with this key waits, queuing another is a no-op (one import per application...). */
  readonly uniqueKey?: (payload: P) => string;
  /**
   * When a job with the same unique key waits, the payload it runs with from now on: the one job does
   * the work both asked for. Without it the waiting job's payload stays as it was.
   */
  readonly mergeWaiting?: (waiting: P, incoming: P) => P;
}

/** What a handler may return instead of finishing normally. */
export type JobOutcome =
  /** Run again at `untilMs` without spending an attempt (rate limits, Retry-After). */
  | { readonly kind: 'snooze'; readonly untilMs: number; readonly reason: string }
  /** Give up now: the job goes dead with this reason, whatever attempts remain. */
  | { readonly kind: 'discard'; readonly reason: string };

export interface JobContext {
  readonly jobId: string;
  readonly attempt: number;
  /** Aborted when the worker is shutting down past its grace period or the lease was lost. */
  readonly signal: AbortSignal;
}

export type JobHandler<P> = (payload: P, context: JobContext) => Promise<JobOutcome | void>;

/** A definition with its handler, as the worker runs it: the payload is validated before the handler. */
export interface RegisteredJob {
  readonly definition: Omit<JobDefinition, 'payload' | 'uniqueKey' | 'mergeWaiting'>;
  run(rawPayload: unknown, context: JobContext): Promise<JobOutcome | void>;
}

export function registerJob<P>(definition: JobDefinition<P>, handler: JobHandler<P>): RegisteredJob {
  return {
    definition,
    run: (rawPayload, context) => handler(definition.payload.parse(rawPayload), context),
  };
}
