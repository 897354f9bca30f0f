import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../dialects/create-database.js';
import type { Database } from '../tables/database.js';

/**
 * The Overview page's figures, one query each, on SQLite and PostgreSQL. Counts come back as numbers
 * from SQLite and as strings (bigint, numeric) from PostgreSQL, hence the Number() on every figure.
 */

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** The text at fields.<key>.value: the two dialects read JSON kept in a text column differently. */
function fieldText(dialect: Dialect, key: string): RawBuilder<string | null> {
  // The key is one of ours (a constant), never user input; still bound as a parameter where SQL allows.
  return dialect === 'postgres'
    ? sql<string | null>`(cast(new_hires.fields as jsonb) -> ${key} ->> 'value')`
    : sql<string | null>`json_extract(new_hires.fields, ${`$.${key}.value`})`;
}

/**
 * Hires in review: the total, how many waited past each threshold, and the longest waiting. The window
 * aggregates run over every row before the LIMIT, so one query gives both the figures and the list.
 */
export async function readReviewQueue(
  db: Kysely<Database>,
  input: { now: number; thresholdsMs: readonly number[]; oldestLimit: number },
) {
  const rows = await db
    .selectFrom('new_hires')
    .select(['id', 'fields', 'created_at'])
    .select(sql<number | string>`count(*) over ()`.as('total'))
    .select(
      input.thresholdsMs.map((ms, i) =>
        sql<number | string>`sum(case when created_at <= ${input.now - ms} then 1 else 0 end) over ()`.as(
          `older_${String(i)}`,
        ),
      ),
    )
    .where('status', '=', 'in_review')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(Math.max(1, input.oldestLimit))
    .execute();
  const first = rows[0] as Record<string, unknown> | undefined;
  return {
    total: num(first?.['total']),
    olderThan: input.thresholdsMs.map((_, i) => num(first?.[`older_${String(i)}`])),
    oldest: rows
      .slice(0, input.oldestLimit)
      .map((r) => ({ id: r.id, fields: r.fields, arrivedAt: Number(r.created_at) })),
  };
}

/** Hires in review or added whose start date (fields.employmentStartDate) lies in [from, to]. */
export async function readUpcomingStarts(
  db: Kysely<Database>,
  dialect: Dialect,
  input: { from: string; to: string; limit: number },
) {
  const start = fieldText(dialect, 'employmentStartDate');
  const rows = await db
    .selectFrom('new_hires')
    .select(['id', 'status', 'fields', start.as('start_date')])
    .where('status', 'in', ['in_review', 'added'])
    .where(start, '>=', input.from)
    .where(start, '<=', input.to)
    .orderBy(start)
    .orderBy('id')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status as 'in_review' | 'added',
    startDate: String(r.start_date),
    fields: r.fields,
  }));
}

/**
 * Hires that arrived (and were not deleted) in each period [boundaries[i], boundaries[i+1]): one
 * conditional sum per period, so no date functions and the same SQL on both dialects.
 */
export async function readArrivalsPerPeriod(
  db: Kysely<Database>,
  boundaries: readonly number[],
): Promise<number[]> {
  const periods = boundaries.slice(0, -1).map((from, i) => ({ from, to: boundaries[i + 1]! }));
  if (periods.length === 0) return [];
  const row = (await db
    .selectFrom('new_hires')
    .select(
      periods.map(({ from, to }, i) =>
        sql<
          number | string
        >`sum(case when created_at >= ${from} and created_at < ${to} then 1 else 0 end)`.as(`p_${String(i)}`),
      ),
    )
    .where('status', '!=', 'deleted')
    .where('created_at', '>=', periods[0]!.from)
    .where('created_at', '<', periods.at(-1)!.to)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  return periods.map((_, i) => num(row?.[`p_${String(i)}`]));
}

/**
 * The median time from a hire's arrival to its member's creation (Add member), over members added
 * since `since`. Both dialects number the durations in order; the median is the middle one, or the
 * mean of the middle two (integer division picks them for odd and even counts alike).
 */
export async function readTimeToAdd(db: Kysely<Database>, input: { since: number }) {
  const result = await sql<{ count: number | string | null; median: number | string | null }>`
    with durations as (
      select m.created_at - n.created_at as duration,
             row_number() over (order by m.created_at - n.created_at, m.id) as position,
             count(*) over () as total
      from new_hires n
      join members m on m.id = n.member_id
      where n.status = 'added' and m.created_at >= ${input.since}
    )
    select max(total) as count, avg(duration) as median
    from durations
    where position in ((total + 1) / 2, (total + 2) / 2)
  `.execute(db);
  const row = result.rows[0];
  return { count: num(row?.count), medianMs: numOrNull(row?.median) };
}

/** Dead jobs, and jobs that failed and wait for another attempt. */
export async function readFailedJobs(db: Kysely<Database>) {
  const row = await db
    .selectFrom('jobs')
    .select([
      sql<number | string>`sum(case when state = 'dead' then 1 else 0 end)`.as('dead'),
      sql<number | string | null>`min(case when state = 'dead' then updated_at end)`.as('dead_oldest'),
      sql<
        number | string
      >`sum(case when state = 'available' and last_error is not null then 1 else 0 end)`.as('retrying'),
      sql<
        number | string | null
      >`min(case when state = 'available' and last_error is not null then updated_at end)`.as(
        'retrying_oldest',
      ),
    ])
    .where((eb) => eb.or([eb('state', '=', 'dead'), eb('last_error', 'is not', null)]))
    .executeTakeFirst();
  return [
    { kind: 'dead_jobs' as const, count: num(row?.dead), oldestAt: numOrNull(row?.dead_oldest) },
    { kind: 'retrying_jobs' as const, count: num(row?.retrying), oldestAt: numOrNull(row?.retrying_oldest) },
  ];
}

/** Webhook deliveries still waiting for their import well after they arrived. */
export async function readStalledDeliveries(db: Kysely<Database>, input: { stalledBefore: number }) {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select([
      (eb) => eb.fn.countAll<number | string>().as('count'),
      (eb) => eb.fn.min('received_at').as('oldest'),
    ])
    .where('status', '=', 'queued')
    .where('received_at', '<', input.stalledBefore)
    .executeTakeFirst();
  return {
    kind: 'stalled_webhook_deliveries' as const,
    count: num(row?.count),
    oldestAt: numOrNull(row?.oldest),
  };
}

/** Pushes to destinations that failed, or wait paused because the system refused the credentials. */
export async function readFailedPushes(db: Kysely<Database>) {
  const row = await db
    .selectFrom('pushes')
    .select([
      (eb) => eb.fn.countAll<number | string>().as('count'),
      (eb) => eb.fn.min('updated_at').as('oldest'),
    ])
    .where('status', 'in', ['failed', 'paused'])
    .executeTakeFirst();
  return { kind: 'failed_pushes' as const, count: num(row?.count), oldestAt: numOrNull(row?.oldest) };
}

/** Notification emails and Slack messages that gave up. */
export async function readFailedNotifications(db: Kysely<Database>) {
  const row = await db
    .selectFrom('notification_sends')
    .select([
      (eb) => eb.fn.countAll<number | string>().as('count'),
      (eb) => eb.fn.min('updated_at').as('oldest'),
    ])
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return { kind: 'failed_notifications' as const, count: num(row?.count), oldestAt: numOrNull(row?.oldest) };
}
