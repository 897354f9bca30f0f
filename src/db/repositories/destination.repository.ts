import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../tables/database.js';
import type { DestinationRow, DestinationTable } from '../tables/destination.table.js';

export function listDestinationRows(
  db: Kysely<Database>,
  ids?: readonly string[],
): Promise<DestinationRow[]> {
  let query = db.selectFrom('destinations').selectAll();
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    query = query.where('id', 'in', [...ids]);
  }
  return query.orderBy('created_at').orderBy('id').execute();
}

export function findDestinationRow(db: Kysely<Database>, id: string): Promise<DestinationRow | undefined> {
  return db.selectFrom('destinations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDestinationRow(db: Kysely<Database>, row: DestinationTable): Promise<void> {
  await db.insertInto('destinations').values(row).execute();
}

export async function updateDestinationRow(
  db: Kysely<Database>,
  id: string,
  change: Updateable<DestinationTable>,
): Promise<void> {
  await db.updateTable('destinations').set(change).where('id', '=', id).execute();
}

export async function deleteDestinationRow(db: Kysely<Database>, id: string): Promise<boolean> {
  const deleted = await db.deleteFrom('destinations').where('id', '=', id).returning('id').executeTakeFirst();
  return deleted !== undefined;
}

/**
 * GCRA in one conditional UPDATE, so every worker process shares the limit without a lock held across
 * a call: a slot is granted when the theoretical arrival time is at most `burst` intervals ahead and no
 * 429 pause runs; granting moves it one interval on. Returns the row's times when refused.
 */
export async function takeDestinationSlot(
  db: Kysely<Database>,
  id: string,
  now: number,
  limit: { intervalMs: number; burst: number },
): Promise<{ ok: true } | { ok: false; rateNextAt: number; pausedUntil: number } | undefined> {
  const tolerance = limit.intervalMs * Math.max(limit.burst - 1, 0);
  const granted = await db
    .updateTable('destinations')
    .set({
      rate_next_at: sql<number>`(case when rate_next_at > ${now} then rate_next_at else ${now} end) + ${limit.intervalMs}`,
    })
    .where('id', '=', id)
    .where('paused_until', '<=', now)
    .where('rate_next_at', '<=', now + tolerance)
    .returning('id')
    .executeTakeFirst();
  if (granted) return { ok: true };
  const row = await db
    .selectFrom('destinations')
    .select(['rate_next_at', 'paused_until'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      ok: false,
      rateNextAt: Number(row.rate_next_at) - tolerance,
      pausedUntil: Number(row.paused_until),
    }
  );
}

export async function pauseDestinationUntil(
  db: Kysely<Database>,
  id: string,
  untilMs: number,
): Promise<void> {
  await db
    .updateTable('destinations')
    .set({ paused_until: untilMs })
    .where('id', '=', id)
    .where('paused_until', '<', untilMs)
    .execute();
}
