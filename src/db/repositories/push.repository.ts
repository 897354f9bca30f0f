import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../tables/database.js';
import type { PushRow, PushTable } from '../tables/destination.table.js';

export type PushWithType = PushRow & { destination_type: string };

const withType = (db: Kysely<Database>) =>
  db
    .selectFrom('pushes')
    .innerJoin('destinations', 'destinations.id', 'pushes.destination_id')
    .selectAll('pushes')
    .select('destinations.type as destination_type');

export function findPushRow(
  db: Kysely<Database>,
  memberId: string,
  destinationId: string,
): Promise<PushWithType | undefined> {
  return withType(db)
    .where('pushes.member_id', '=', memberId)
    .where('pushes.destination_id', '=', destinationId)
    .executeTakeFirst();
}

export function listPushRows(
  db: Kysely<Database>,
  filter: { memberId?: string; destinationId?: string; status?: string; limit: number },
): Promise<PushWithType[]> {
  let query = withType(db);
  if (filter.memberId) query = query.where('pushes.member_id', '=', filter.memberId);
  if (filter.destinationId) query = query.where('pushes.destination_id', '=', filter.destinationId);
  if (filter.status) query = query.where('pushes.status', '=', filter.status);
  return query.orderBy('pushes.updated_at', 'desc').orderBy('pushes.id').limit(filter.limit).execute();
}

/**
 * A pending push for the pair: inserted, or an existing one set back to pending with its revision
 * bumped (a new change to deliver). Returns the row as it now stands.
 */
export async function upsertPendingPush(
  db: Kysely<Database>,
  row: Pick<PushTable, 'id' | 'member_id' | 'destination_id'>,
  at: number,
): Promise<void> {
  await db
    .insertInto('pushes')
    .values({
      ...row,
      status: 'pending',
      remote_id: null,
      revision: 1,
      attempts: 0,
      last_error: null,
      warnings: null,
      delivered_at: null,
      locked_until: 0,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['member_id', 'destination_id']).doUpdateSet({
        status: 'pending',
        revision: sql<number>`pushes.revision + 1`,
        attempts: 0,
        last_error: null,
        updated_at: at,
      }),
    )
    .execute();
}

/** Applies `change` while the push is still at `revision`; false when a newer change moved it on. */
export async function updatePushRow(
  db: Kysely<Database>,
  id: string,
  revision: number,
  change: Updateable<PushTable>,
): Promise<boolean> {
  const updated = await db
    .updateTable('pushes')
    .set(change)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

/** Back to pending (keeps the revision: the same change is retried, under the same event id). */
export async function setPushPending(
  db: Kysely<Database>,
  where: { memberId?: string; destinationId: string; fromStatus: readonly string[] },
  at: number,
): Promise<{ member_id: string; destination_id: string }[]> {
  let query = db
    .updateTable('pushes')
    .set({ status: 'pending', updated_at: at })
    .where('destination_id', '=', where.destinationId)
    .where('status', 'in', [...where.fromStatus]);
  if (where.memberId) query = query.where('member_id', '=', where.memberId);
  return query.returning(['member_id', 'destination_id']).execute();
}

export async function deletePushRowsOfDestination(
  db: Kysely<Database>,
  destinationId: string,
): Promise<void> {
  await db.deleteFrom('pushes').where('destination_id', '=', destinationId).execute();
}

export async function destinationIdsWithPerson(db: Kysely<Database>, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('pushes')
    .select('destination_id')
    .where('member_id', '=', memberId)
    .where('remote_id', 'is not', null)
    .execute();
  return rows.map((r) => r.destination_id);
}

/** Records the remote person whatever the push's revision (a created person must never be forgotten). */
export async function setPushRemoteId(
  db: Kysely<Database>,
  id: string,
  remoteId: string,
  at: number,
): Promise<void> {
  await db.updateTable('pushes').set({ remote_id: remoteId, updated_at: at }).where('id', '=', id).execute();
}

/** Takes the pair for one attempt until `untilMs`; false while another attempt holds it. */
export async function lockPushRow(
  db: Kysely<Database>,
  id: string,
  now: number,
  untilMs: number,
): Promise<boolean> {
  const locked = await db
    .updateTable('pushes')
    .set({ locked_until: untilMs })
    .where('id', '=', id)
    .where('locked_until', '<=', now)
    .returning('id')
    .executeTakeFirst();
  return locked !== undefined;
}

export async function unlockPushRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('pushes').set({ locked_until: 0 }).where('id', '=', id).execute();
}
