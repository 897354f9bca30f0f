import type { Kysely } from 'kysely';
import type { Database } from '../db/tables/database.js';
import type { JobRow, JobState } from '../db/tables/job.table.js';

/**
 * Outcome writes. Every one names the lease it belongs to (id + lease token + state running), so a
 * worker whose lease expired and was taken over (a "zombie") changes nothing: the call returns false.
 */
interface LeaseRef {
  readonly id: string;
  readonly leaseToken: string;
}

function whereLeaseHeld(db: Kysely<Database>, lease: LeaseRef) {
  return db
    .updateTable('jobs')
    .where('id', '=', lease.id)
    .where('lease_token', '=', lease.leaseToken)
    .where('state', '=', 'running');
}

async function changed(query: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> }): Promise<boolean> {
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * A job with a unique key may run while another job with the same key waits (work asked for during the
 * run). When the running one goes back to available (retry, snooze, release, reclaim), the two would
 * share the key in `available`, which the unique index forbids: the write would fail, and the job would
 * stay running with a waiting twin the claim never picks (its key is running). Jobs sharing a key do the
 * same work, so the waiting twin is merged into the returning job: deleted in the same transaction.
 * Found by the kill -9 chaos suite (test/chaos), where it stalled every lease reclaim.
 */
async function dropWaitingTwin(trx: Kysely<Database>, lease: LeaseRef): Promise<void> {
  await trx
    .deleteFrom('jobs')
    .where('state', '=', 'available')
    .where('id', '!=', lease.id)
    .where('unique_key', '=', (eb) =>
      eb
        .selectFrom('jobs as held')
        .select('held.unique_key')
        .where('held.id', '=', lease.id)
        .where('held.lease_token', '=', lease.leaseToken)
        .where('held.state', '=', 'running'),
    )
    .execute();
}

export function completeJob(db: Kysely<Database>, lease: LeaseRef, now: number): Promise<boolean> {
  return changed(
    whereLeaseHeld(db, lease).set({
      state: 'completed',
      finished_at: now,
      updated_at: now,
      lease_token: null,
      lease_expires_at: null,
      last_error: null,
    }),
  );
}

/** Back to available at `runAt`, or dead when `runAt` is undefined. */
export function failJob(
  db: Kysely<Database>,
  lease: LeaseRef,
  now: number,
  error: string,
  runAt: number | undefined,
): Promise<boolean> {
  const next: { state: JobState; run_at?: number; finished_at?: number } =
    runAt === undefined ? { state: 'dead', finished_at: now } : { state: 'available', run_at: runAt };
  return inTransaction(db, async (trx) => {
    if (runAt !== undefined) await dropWaitingTwin(trx, lease);
    return changed(
      whereLeaseHeld(trx, lease).set({
        ...next,
        last_error: error,
        updated_at: now,
        lease_token: null,
        lease_expires_at: null,
      }),
    );
  });
}

/** Reschedules without spending the attempt this run took. */
export function snoozeJob(db: Kysely<Database>, lease: LeaseRef, now: number, runAt: number, reason: string) {
  return inTransaction(db, async (trx) => {
    await dropWaitingTwin(trx, lease);
    return changed(
      whereLeaseHeld(trx, lease).set((eb) => ({
        state: 'available',
        run_at: runAt,
        attempt: eb('attempt', '-', 1),
        last_error: reason,
        updated_at: now,
        lease_token: null,
        lease_expires_at: null,
      })),
    );
  });
}

export function extendLease(db: Kysely<Database>, lease: LeaseRef, now: number, leaseMs: number) {
  return changed(whereLeaseHeld(db, lease).set({ lease_expires_at: now + leaseMs, updated_at: now }));
}

/** Puts a job back without spending its attempt (graceful shutdown before it finished). */
export function releaseJob(db: Kysely<Database>, lease: LeaseRef, now: number) {
  return snoozeJob(db, lease, now, now, 'released at shutdown');
}

/**
 * Takes back jobs whose lease ran out (the worker crashed, was killed or hangs): available again, or
 * dead when that was their last attempt. Returns how many were taken back.
 */
export function reclaimExpiredLeases(db: Kysely<Database>, now: number): Promise<number> {
  return inTransaction(db, (trx) => reclaimIn(trx, now));
}

async function reclaimIn(db: Kysely<Database>, now: number): Promise<number> {
  const common = { lease_token: null, lease_expires_at: null, locked_by: null, updated_at: now };
  const dead = await db
    .updateTable('jobs')
    .set({
      ...common,
      state: 'dead',
      finished_at: now,
      last_error: 'lease expired on the last attempt (worker stopped)',
    })
    .where('state', '=', 'running')
    .where('lease_expires_at', '<', now)
    .whereRef('attempt', '>=', 'max_attempts')
    .executeTakeFirst();
  // Waiting twins of the jobs about to return are merged into them (see dropWaitingTwin).
  await db
    .deleteFrom('jobs')
    .where('state', '=', 'available')
    .where('unique_key', 'in', (eb) =>
      eb
        .selectFrom('jobs as expired')
        .select('expired.unique_key')
        .where('expired.state', '=', 'running')
        .where('expired.lease_expires_at', '<', now)
        .where('expired.unique_key', 'is not', null),
    )
    .execute();
  const again = await db
    .updateTable('jobs')
    .set({ ...common, state: 'available', run_at: now, last_error: 'lease expired (worker stopped)' })
    .where('state', '=', 'running')
    .where('lease_expires_at', '<', now)
    .executeTakeFirst();
  return Number(dead.numUpdatedRows + again.numUpdatedRows);
}

/**
 * Deletes up to `limit` jobs that completed before `before` (epoch ms). Dead jobs stay until someone
 * retries or inspects them; waiting and running ones are never touched. Bounded so one sweep never holds
 * a long write lock on a large backlog; the next sweep takes the next batch.
 */
export async function deleteCompletedJobs(
  db: Kysely<Database>,
  before: number,
  limit: number,
): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('jobs as old')
        .select('old.id')
        .where('old.state', '=', 'completed')
        .where('old.finished_at', '<', before)
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * A dead job retried by hand gets a fresh attempt budget. False when it is not dead, or when a job with
 * the same unique key is already waiting (that one will do the work).
 */
export function retryDeadJob(db: Kysely<Database>, id: string, now: number): Promise<boolean> {
  return changed(
    db
      .updateTable('jobs')
      .set({ state: 'available', attempt: 0, run_at: now, finished_at: null, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'dead')
      .where((eb) =>
        eb.or([
          eb('unique_key', 'is', null),
          eb.not(
            eb.exists(
              eb
                .selectFrom('jobs as waiting')
                .select('waiting.id')
                .whereRef('waiting.unique_key', '=', 'jobs.unique_key')
                .where('waiting.state', '=', 'available'),
            ),
          ),
        ]),
      ),
  );
}

export interface JobFilter {
  readonly state?: JobState;
  readonly kind?: string;
  readonly limit: number;
}

export function listJobs(db: Kysely<Database>, filter: JobFilter): Promise<JobRow[]> {
  let query = db
    .selectFrom('jobs')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  return query.execute();
}

export function findJob(db: Kysely<Database>, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countJobsByState(db: Kysely<Database>): Promise<Record<JobState, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('state')
    .execute();
  const counts: Record<JobState, number> = { available: 0, running: 0, completed: 0, dead: 0 };
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}
