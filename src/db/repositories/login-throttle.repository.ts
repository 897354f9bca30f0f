import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../tables/database.js';

/** The rule of one throttle key (core/auth/login-limits.ts AttemptRule, restated so db/ stays apart). */
interface AttemptRuleRow {
  readonly windowMs: number;
  readonly lockFrom: number;
  readonly lockMs: readonly number[];
}

/**
 * Counts one attempt in a single statement (an upsert whose update only happens while the key is not
 * locked), and sets the lock that the new count earns in the same statement. Concurrent attempts from
 * several processes are therefore each given their own count, and once one of them has set a lock the
 * rest find no row to update: no attempt gets past the limit, however many arrive at once. Returns true
 * when the attempt was counted (may go on), false when the key is locked.
 */
export async function claimThrottleAttempt(
  db: Kysely<Database>,
  key: string,
  now: number,
  rule: AttemptRuleRow,
): Promise<boolean> {
  // PostgreSQL cannot infer a parameter's type inside CASE: every number is cast to bigint.
  const big = (n: number) => sql`cast(${n} as bigint)`;
  const windowOver = sql`login_throttle.window_started_at <= ${big(now - rule.windowMs)}`;
  const count = sql`(case when ${windowOver} then 1 else login_throttle.failures + 1 end)`;
  const result = await sql<{ failures: number }>`
    insert into login_throttle (key, failures, window_started_at, locked_until)
    values (${key}, 1, ${big(now)}, ${lockAfter(sql`1`, rule, now)})
    on conflict (key) do update set
      failures = ${count},
      window_started_at = case when ${windowOver} then ${big(now)} else login_throttle.window_started_at end,
      locked_until = ${lockAfter(count, rule, now)}
    where login_throttle.locked_until is null or login_throttle.locked_until <= ${big(now)}
    returning failures`.execute(db);
  return result.rows.length > 0;
}

/** The lock (an end time, or null) that the attempt numbered `count` earns under `rule`. */
function lockAfter(count: RawBuilder<unknown>, rule: AttemptRuleRow, now: number): RawBuilder<unknown> {
  // Highest thresholds first: attempt lockFrom + i earns lockMs[i], the last step repeating.
  const steps = rule.lockMs
    .map((ms, i) => sql`when ${count} >= ${sql.lit(rule.lockFrom + i)} then cast(${now + ms} as bigint)`)
    .reverse();
  return sql`(case ${sql.join(steps, sql` `)} else cast(null as bigint) end)`;
}

export async function lockEnd(db: Kysely<Database>, key: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.locked_until == null ? undefined : Number(row.locked_until);
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

export async function knownAddressSince(
  db: Kysely<Database>,
  accountKey: string,
  addressKey: string,
  since: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_known_addresses')
    .select('account_key')
    .where('account_key', '=', accountKey)
    .where('address_key', '=', addressKey)
    .where('last_success_at', '>=', since)
    .executeTakeFirst();
  return row !== undefined;
}

export async function upsertKnownAddress(
  db: Kysely<Database>,
  accountKey: string,
  addressKey: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('sign_in_known_addresses')
    .values({ account_key: accountKey, address_key: addressKey, last_success_at: now })
    .onConflict((oc) => oc.columns(['account_key', 'address_key']).doUpdateSet({ last_success_at: now }))
    .execute();
}
