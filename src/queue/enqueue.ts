import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import { preparedQuery } from '../db/prepared-query.js';
import type { Database } from '../db/tables/database.js';
import type { NewJobRow } from '../db/tables/job.table.js';
import type { JobDefinition } from './job-definition.js';

export interface EnqueueOptions {
  /** While a job with this key waits, enqueueing another is a no-op. */
  readonly uniqueKey?: string;
  readonly runAt?: number;
}

export interface EnqueueResult {
  readonly id: string;
  /** False when a waiting job with the same unique key already existed. */
  readonly inserted: boolean;
}

// Compiled once (see db/prepared-query.ts): every webhook delivery that names an application enqueues.
const insertJob = preparedQuery(
  [
    'id',
    'kind',
    'payload',
    'state',
    'priority',
    'attempt',
    'max_attempts',
    'run_at',
    'unique_key',
    'created_at',
    'updated_at',
  ],
  (db, p) =>
    db
      .insertInto('jobs')
      .values(p)
      .onConflict((oc) => oc.doNothing())
      .returning('id'),
);

const touchWaitingJob = preparedQuery(['uniqueKey', 'now'], (db, p) =>
  db
    .updateTable('jobs')
    .set({ updated_at: p.now })
    .where('unique_key', '=', p.uniqueKey)
    .where('state', '=', 'available')
    .returning(['id', 'payload']),
);

/** The row of a new job, its payload checked against the job's schema. */
export function newJobRow<P>(
  deps: { readonly clock: Clock; readonly ids: IdGenerator },
  definition: JobDefinition<P>,
  payload: P,
  options: EnqueueOptions = {},
): NewJobRow {
  const checked = definition.payload.parse(payload);
  const now = deps.clock.now();
  return {
    id: deps.ids.newId(),
    kind: definition.kind,
    payload: JSON.stringify(checked),
    state: 'available',
    priority: definition.priority ?? 0,
    attempt: 0,
    max_attempts: definition.maxAttempts,
    run_at: options.runAt ?? now,
    unique_key: options.uniqueKey ?? null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Adds a job. Pass the caller's transaction as `db` to make the job part of it: rolled back with it,
 * visible to workers only once it commits (the transactional-outbox property).
 */
export async function enqueue<P>(
  db: Kysely<Database>,
  deps: { readonly clock: Clock; readonly ids: IdGenerator },
  definition: JobDefinition<P>,
  payload: P,
  options: EnqueueOptions = {},
): Promise<EnqueueResult> {
  const row = newJobRow(deps, definition, payload, options);
  const now = row.created_at;
  for (let tries = 1; ; tries += 1) {
    const inserted = (await insertJob(db, row)).rows[0];
    if (inserted) return { id: inserted.id, inserted: true };
    // A job with this key waits and will do the work, but only if it starts after the caller's
    // transaction commits: it must see what the caller wrote (the delivery it is to process). Writing to
    // the waiting row locks it until then, and the PostgreSQL claim skips locked rows. When a claim got it
    // first, nothing waits any more and the insert is tried again. (SQLite runs one write transaction at
    // a time, so no claim can come in between there.) Found by the kill -9 chaos suite.
    const waiting = (await touchWaitingJob(db, { uniqueKey: options.uniqueKey ?? null, now })).rows[0];
    if (waiting) {
      if (definition.mergeWaiting) {
        const merged = mergedPayload(definition, waiting.payload, row.payload);
        if (merged !== waiting.payload)
          await db.updateTable('jobs').set({ payload: merged }).where('id', '=', waiting.id).execute();
      }
      return { id: waiting.id, inserted: false };
    }
    if (tries >= 5)
      throw new Error(`could not enqueue ${definition.kind}: its unique key kept changing state`);
  }
}

/** The payload a waiting job runs with once `incoming` is folded into it (its definition's merge rule). */
function mergedPayload<P>(definition: JobDefinition<P>, waitingJson: string, incomingJson: string): string {
  const incoming = definition.payload.parse(JSON.parse(incomingJson));
  const waiting = definition.payload.safeParse(JSON.parse(waitingJson));
  // A waiting payload this version cannot read (written by an older one) is replaced, not merged.
  if (!waiting.success || !definition.mergeWaiting) return incomingJson;
  return JSON.stringify(definition.payload.parse(definition.mergeWaiting(waiting.data, incoming)));
}
