import type { Kysely } from 'kysely';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { Database } from '../db/tables/database.js';
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
  const checked = definition.payload.parse(payload);
  const now = deps.clock.now();
  const id = deps.ids.newId();
  for (let tries = 1; ; tries += 1) {
    const inserted = await db
      .insertInto('jobs')
      .values({
        id,
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
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, inserted: true };
    // A job with this key waits and will do the work, but only if it starts after the caller's
    // transaction commits: it must see what the caller wrote (the delivery it is to process). Writing to
    // the waiting row locks it until then, and the PostgreSQL claim skips locked rows. When a claim got it
    // first, nothing waits any more and the insert is tried again. (SQLite runs one write transaction at
    // a time, so no claim can come in between there.) Found by the kill -9 chaos suite.
    const waiting = await db
      .updateTable('jobs')
      .set({ updated_at: now })
      .where('unique_key', '=', options.uniqueKey ?? null)
      .where('state', '=', 'available')
      .returning('id')
      .executeTakeFirst();
    if (waiting) return { id: waiting.id, inserted: false };
    if (tries >= 5)
      throw new Error(`could not enqueue ${definition.kind}: its unique key kept changing state`);
  }
}
