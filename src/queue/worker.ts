import type { Kysely } from 'kysely';
import { isAppError } from '../core/errors/app-error.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { Logger } from '../core/ports/logger.js';
import type { JobObserver, JobResult } from '../core/ports/metrics.js';
import type { Database } from '../db/tables/database.js';
import type { JobRow } from '../db/tables/job.table.js';
import { backoffDelayMs } from './backoff.js';
import type { QueueEngine } from './engines/queue-engine.js';
import type { JobOutcome, RegisteredJob } from './job-definition.js';
import {
  completeJob,
  deleteCompletedJobs,
  extendLease,
  failJob,
  reclaimExpiredLeases,
  releaseJob,
  snoozeJob,
} from './job-store.js';

const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60_000;
const IGNORE_JOBS: JobObserver = { finished: () => undefined };
/** Completed jobs deleted per sweep at most. */
const RETENTION_BATCH = 1_000;

export interface WorkerOptions {
  readonly db: Kysely<Database>;
  readonly engine: QueueEngine;
  readonly jobs: readonly RegisteredJob[];
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  /** In [0, 1); jitter for backoff. */
  readonly random: () => number;
  readonly concurrency: number;
  readonly leaseMs: number;
  /** How often an idle worker looks for due jobs. Enqueues in this process wake it at once. */
  readonly pollIntervalMs?: number;
  /** How often expired leases are taken back (and finished jobs past retention deleted). */
  readonly sweepIntervalMs?: number;
  /** How long completed jobs are kept, for inspection (default 7 days). Dead jobs are kept until handled. */
  readonly retentionMs?: number;
  /** Told how each attempt ended and how long it ran (metrics). */
  readonly observer?: JobObserver;
}

interface Running {
  readonly row: JobRow;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/**
 * Claims due jobs under a lease, runs them with a heartbeat that extends the lease, and records each
 * outcome with the lease's fencing token. Several workers (in one or many processes) may share a
 * database: the engine's claim hands every job to one of them at a time.
 */
export class Worker {
  readonly id: string;
  readonly #o: Required<WorkerOptions>;
  readonly #registry: ReadonlyMap<string, RegisteredJob>;
  readonly #running = new Map<string, Running>();
  #stopping = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #lastSweep = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(options: WorkerOptions) {
    this.#o = {
      pollIntervalMs: 250,
      sweepIntervalMs: 5_000,
      retentionMs: DEFAULT_RETENTION_MS,
      observer: IGNORE_JOBS,
      ...options,
    };
    this.id = `worker-${options.ids.newId()}`;
    const registry = new Map<string, RegisteredJob>();
    for (const job of options.jobs) {
      if (registry.has(job.definition.kind))
        throw new Error(`job kind ${job.definition.kind} registered twice`);
      registry.set(job.definition.kind, job);
    }
    this.#registry = registry;
  }

  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#run().catch((err: unknown) => {
      this.#o.logger.error({ err: describe(err) }, 'worker loop stopped by an error');
    });
  }

  /** Look for jobs now instead of at the next poll (called after an enqueue in this process). */
  wake(): void {
    this.#wake?.();
  }

  /** Resolves the next time the worker finds nothing due and runs nothing (for tests and drains). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /**
   * Stops claiming, waits up to `graceMs` for running jobs, then aborts the rest and puts them back
   * without spending their attempt, so another worker picks them up at once.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.#stopping = true;
    this.wake();
    await this.#loop;
    this.#loop = undefined;
    const pending = [...this.#running.values()];
    const timedOut = await Promise.race([
      Promise.all(pending.map((r) => r.done)).then(() => false),
      sleep(graceMs, true).then(() => true),
    ]);
    if (!timedOut) return;
    for (const running of this.#running.values()) running.controller.abort(new Error('worker shutting down'));
    await Promise.all(
      [...this.#running.values()].map(async (r) => {
        const token = r.row.lease_token;
        if (token) await releaseJob(this.#o.db, { id: r.row.id, leaseToken: token }, this.#o.clock.now());
      }),
    );
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      await this.#sweepIfDue();
      const free = this.#o.concurrency - this.#running.size;
      let claimed: JobRow[] = [];
      if (free > 0) claimed = await this.#claim(free);
      for (const row of claimed) this.#startJob(row);
      if (claimed.length === 0 && this.#running.size === 0) this.#notifyIdle();
      // Claimed a full batch: more may be due, so go again at once. Otherwise wait for a wake-up,
      // a finished job (a free slot) or the poll interval.
      if (claimed.length > 0 && claimed.length === free) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#o.pollIntervalMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  async #claim(limit: number): Promise<JobRow[]> {
    if (this.#registry.size === 0) return [];
    try {
      return await this.#o.engine.claim(this.#o.db, {
        workerId: this.id,
        limit,
        now: this.#o.clock.now(),
        leaseMs: this.#o.leaseMs,
        leaseToken: this.#o.ids.newId(),
        kinds: [...this.#registry.keys()],
      });
    } catch (err) {
      // A lost race on a unique key or a database hiccup: nothing was claimed; try again next round.
      this.#o.logger.warn({ err: describe(err) }, 'claim failed; will retry');
      await sleep(this.#o.pollIntervalMs);
      return [];
    }
  }

  async #sweepIfDue(): Promise<void> {
    const now = this.#o.clock.now();
    if (now - this.#lastSweep < this.#o.sweepIntervalMs) return;
    this.#lastSweep = now;
    try {
      const reclaimed = await reclaimExpiredLeases(this.#o.db, now);
      if (reclaimed > 0) this.#o.logger.warn({ reclaimed }, 'took back jobs whose lease expired');
      const deleted = await deleteCompletedJobs(this.#o.db, now - this.#o.retentionMs, RETENTION_BATCH);
      if (deleted > 0) this.#o.logger.debug({ deleted }, 'deleted completed jobs past retention');
    } catch (err) {
      this.#o.logger.warn({ err: describe(err) }, 'lease sweep failed; will retry');
    }
  }

  #startJob(row: JobRow): void {
    const controller = new AbortController();
    const done = this.#execute(row, controller)
      .catch((err: unknown) => {
        this.#o.logger.error(
          { jobId: row.id, kind: row.kind, err: describe(err) },
          'recording a job outcome failed',
        );
      })
      .finally(() => {
        this.#running.delete(row.id);
        this.wake();
      });
    this.#running.set(row.id, { row, controller, done });
  }

  async #execute(row: JobRow, controller: AbortController): Promise<void> {
    const lease = { id: row.id, leaseToken: row.lease_token ?? '' };
    const job = this.#registry.get(row.kind);
    const heartbeat = setInterval(
      () => {
        extendLease(this.#o.db, lease, this.#o.clock.now(), this.#o.leaseMs)
          .then((held) => {
            if (!held) controller.abort(new Error('lease lost'));
          })
          .catch((err: unknown) =>
            this.#o.logger.warn({ jobId: row.id, err: describe(err) }, 'heartbeat failed'),
          );
      },
      Math.max(Math.floor(this.#o.leaseMs / 3), 10),
    );
    let outcome: JobOutcome | void = undefined;
    let failure: unknown;
    const started = this.#o.clock.now();
    try {
      if (!job) throw new Error(`no handler for job kind ${row.kind}`);
      outcome = await job.run(JSON.parse(row.payload), {
        jobId: row.id,
        attempt: row.attempt,
        signal: controller.signal,
      });
    } catch (err) {
      failure = err;
    } finally {
      clearInterval(heartbeat);
    }
    const now = this.#o.clock.now();
    const fields = { jobId: row.id, kind: row.kind, attempt: row.attempt, ms: now - started };
    let recorded: boolean;
    let result: JobResult;
    if (failure !== undefined) {
      ({ recorded, result } = await this.#recordFailure(row, lease, failure, now));
    } else if (outcome?.kind === 'snooze') {
      recorded = await snoozeJob(this.#o.db, lease, now, outcome.untilMs, outcome.reason);
      result = 'snoozed';
    } else if (outcome?.kind === 'discard') {
      recorded = await failJob(this.#o.db, lease, now, outcome.reason, undefined);
      result = 'dead';
    } else {
      recorded = await completeJob(this.#o.db, lease, now);
      result = 'completed';
      if (recorded) this.#o.logger.debug(fields, 'job completed');
    }
    this.#o.observer.finished({
      kind: row.kind,
      result: recorded ? result : 'released',
      durationMs: now - started,
    });
    if (!recorded)
      this.#o.logger.warn(fields, 'lease was lost before the job finished; its outcome was not recorded');
  }

  async #recordFailure(
    row: JobRow,
    lease: { id: string; leaseToken: string },
    err: unknown,
    now: number,
  ): Promise<{ recorded: boolean; result: JobResult }> {
    const message = describe(err);
    const fields = { jobId: row.id, kind: row.kind, attempt: row.attempt, err: message };
    if (isAppError(err) && err.code === 'rate_limited' && err.retryAfterMs !== undefined) {
      this.#o.logger.info(fields, 'job rate limited; snoozed');
      const recorded = await snoozeJob(this.#o.db, lease, now, now + err.retryAfterMs, message);
      return { recorded, result: 'snoozed' };
    }
    const permanent = isAppError(err) && !err.retryable;
    const exhausted = row.attempt >= row.max_attempts;
    if (permanent || exhausted || !this.#registry.has(row.kind)) {
      this.#o.logger.error(
        { ...fields, permanent },
        'job failed for good; it is dead and can be retried by hand',
      );
      return { recorded: await failJob(this.#o.db, lease, now, message, undefined), result: 'dead' };
    }
    const policy = this.#registry.get(row.kind)?.definition.backoff ?? { baseMs: 5_000, capMs: 1_800_000 };
    const delay = Math.max(
      backoffDelayMs(policy, row.attempt, this.#o.random()),
      isAppError(err) ? (err.retryAfterMs ?? 0) : 0,
    );
    this.#o.logger.warn({ ...fields, retryInMs: delay }, 'job failed; will retry');
    return { recorded: await failJob(this.#o.db, lease, now, message, now + delay), result: 'retried' };
  }

  #notifyIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/**
 * A one-line description of an error for logs and `last_error`. Our own errors carry messages written
 * without personal data; for anything else only the class name and message are kept, never a stack.
 */
export function describe(err: unknown): string {
  if (isAppError(err)) return `${err.code}: ${err.message}`.slice(0, 1000);
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 1000);
  return 'non-error thrown';
}

function sleep(ms: number, unref = false): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    // The shutdown grace timer must not keep a process alive once every job has finished.
    if (unref) timer.unref();
  });
}
