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
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('unique_key', '=', options.uniqueKey ?? null)
    .where('state', '=', 'available')
    .executeTakeFirst();
  // The waiting job may have been claimed between our insert and this read; either way the work is
  // covered, so report the key's job if we still see it and ours otherwise.
  return { id: existing?.id ?? id, inserted: false };
}
