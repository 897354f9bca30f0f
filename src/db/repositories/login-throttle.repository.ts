import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';

export async function latestLockEnd(
  db: Kysely<Database>,
  keys: readonly string[],
  now: number,
): Promise<number | undefined> {
  if (keys.length === 0) return undefined;
  const row = await db
    .selectFrom('login_throttle')
    .select((eb) => eb.fn.max('locked_until').as('until'))
    .where('key', 'in', [...keys])
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return row?.until == null ? undefined : Number(row.until);
}

/**
 * Counts one failure in a single statement (an upsert), so concurrent failures from several processes
 * are all counted: a window older than `windowMs` starts over at 1. Returns the count in the window.
 */
export async function countThrottleFailure(
  db: Kysely<Database>,
  key: string,
  now: number,
  windowMs: number,
): Promise<number> {
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const windowOver = eb('login_throttle.window_started_at', '<=', now - windowMs);
        return {
          failures: eb
            .case()
            .when(windowOver)
            .then(1)
            .else(eb('login_throttle.failures', '+', 1))
            .end(),
          window_started_at: eb
            .case()
            .when(windowOver)
            .then(now)
            .else(eb.ref('login_throttle.window_started_at'))
            .end(),
        };
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function lockThrottleKey(db: Kysely<Database>, key: string, until: number): Promise<void> {
  await db.updateTable('login_throttle').set({ locked_until: until }).where('key', '=', key).execute();
}

export async function deleteThrottleKey(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Forgets counts whose window and lock both ended before `before` (keeps the table small). */
export async function deleteStaleThrottleRows(db: Kysely<Database>, before: number): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .execute();
}
