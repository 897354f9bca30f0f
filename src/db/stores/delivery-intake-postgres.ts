import { CompiledQuery, type Kysely } from 'kysely';
import type { DeliveryIntake, NewDelivery } from '../../core/ports/delivery-intake.js';
import type { DeliveryTouches } from './delivery-store.js';
import type { Database } from '../tables/database.js';
import type { NewJobRow } from '../tables/job.table.js';

/**
 * app/record-delivery.ts as ONE PostgreSQL statement, so a delivery costs one round trip and one
 * implicit transaction instead of six (BEGIN, insert, sibling lookup, enqueue, touch, COMMIT), which
 * were most of the PostgreSQL intake's time (bench/). Same outcome, row for row:
 *   - `sib`: another delivery of the same Ashby event and application that already asked for its import;
 *   - `d`: the delivery, 'queued' when it asks for the import, 'processed' (imported once, by the sibling)
 *     or 'ignored' otherwise; nothing when (connection, action key, action) is already stored;
 *   - `j`: the import job, when the delivery is new and queued; a waiting job with the same unique key
 *     makes the insert a no-op, and `w` then writes to that job's row, which locks it until this
 *     statement commits so a worker cannot claim it before the delivery is visible (queue/enqueue.ts),
 *     and gives it this delivery's payload: the catalog's merge of any waiting import with a webhook's
 *     is the webhook's (a live import: announced, no start-date cutoff; jobs/catalog.ts);
 *   - `t`: last_delivery_at, when the caller says it is due.
 * When neither `j` nor `w` got a row (the waiting job was claimed, or committed, in between), the final
 * select divides by zero: the statement fails whole, nothing is written, and the caller falls back to the
 * transactional path, which retries the enqueue (queue/enqueue.ts).
 * The statement sees what was committed when it started, so a sibling delivery of the same event still
 * in flight is not in `sib`; the index of migration 0015 lets only one of them wait for the import, so
 * this insert waits for the sibling's commit and then stores nothing. `seen_before` then tells a repeat
 * of this very delivery (a duplicate) from that race, which the transactional path settles, seeing the
 * sibling by then.
 */
const SQL = `
with sib as (
  select action from webhook_deliveries
  where $11::boolean and connection_id = $2 and action_key = $3 and application_id = $6
    and status <> 'ignored' and id <> $1
  limit 1
),
d as (
  insert into webhook_deliveries
    (id, connection_id, action_key, action, body_sha256, application_id, status, outcome, received_at, processed_at)
  select $1, $2, $3, $4, $5, $6,
    case when not $11::boolean then 'ignored' when sib.action is null then 'queued' else 'processed' end,
    case when $11::boolean and sib.action is not null
      then 'same Ashby event as the ' || sib.action || ' delivery; imported once' else $7::text end,
    $8::bigint,
    case when $11::boolean and sib.action is null then null else $8::bigint end
  from (select 1) as one left join sib on true
  on conflict do nothing
  returning status
),
j as (
  insert into jobs
    (id, kind, payload, state, priority, attempt, max_attempts, run_at, unique_key, created_at, updated_at)
  select $12, $13, $14, 'available', $15::integer, 0, $16::integer, $17::bigint, $18, $19::bigint, $19::bigint
  from d where d.status = 'queued'
  on conflict do nothing
  returning id
),
w as (
  update jobs set updated_at = $19::bigint, payload = $14
  where unique_key = $18 and state = 'available'
    and exists (select 1 from d where d.status = 'queued') and not exists (select 1 from j)
  returning id
),
t as (
  update ashby_connections set last_delivery_at = $8::bigint
  where $9::boolean and id = $2 and exists (select 1 from d)
    and (last_delivery_at is null or last_delivery_at < $10::bigint)
)
select
  (select count(*) from d)::integer as inserted,
  (select count(*) from j)::integer as job_inserted,
  case when exists (select 1 from d) then true else exists (
    select 1 from webhook_deliveries where connection_id = $2 and action_key = $3 and action = $4
  ) end as seen_before,
  1 / (case when exists (select 1 from d where d.status = 'queued')
              and not exists (select 1 from j) and not exists (select 1 from w)
       then 0 else 1 end) as checked
`;

const DIVISION_BY_ZERO = '22012';

/**
 * The statement as a named (server-side prepared) one: Kysely's PostgreSQL connection hands `sql` to
 * pg's `client.query()` as is, and pg takes an object `{name, text}` there as a prepared statement,
 * parsed once per connection. Unnamed, its 2 KB of SQL was encoded, sent and parsed for every delivery
 * (about a tenth of the intake's CPU, and PostgreSQL's own parse on the same cores). Kysely types `sql`
 * as a string, hence the cast; nothing else reads it (no query logging or plugins on this handle).
 */
const NAMED = (parameters: unknown[]): CompiledQuery => ({
  ...CompiledQuery.raw('', parameters),
  sql: { name: 'hirebridge_record_delivery', text: SQL } as unknown as string,
});

export type OneStatementOutcome =
  | { readonly kind: 'done'; readonly inserted: boolean; readonly jobInserted: boolean }
  /**
   * The waiting import job changed state under the statement, or a sibling delivery of the same event
   * committed during it: nothing was written; use a transaction.
   */
  | { readonly kind: 'retry' };

/**
 * Records one delivery in one statement. `job` is the import job to queue (null when the delivery asks
 * for none); `touch` whether last_delivery_at is due for a write.
 */
export async function recordDeliveryInOneStatement(
  db: Kysely<Database>,
  d: NewDelivery,
  job: NewJobRow | null,
  touch: boolean,
): Promise<OneStatementOutcome> {
  const imports = job !== null && d.applicationId !== null;
  const params = [
    d.id,
    d.connectionId,
    d.actionKey,
    d.action,
    d.bodySha256,
    d.applicationId,
    d.ignoredBecause,
    d.receivedAt,
    touch,
    d.receivedAt - 60_000,
    imports,
    job?.id ?? null,
    job?.kind ?? null,
    job?.payload ?? null,
    job?.priority ?? 0,
    job?.max_attempts ?? 0,
    job?.run_at ?? d.receivedAt,
    job?.unique_key ?? null,
    job?.created_at ?? d.receivedAt,
  ];
  try {
    const { rows } = await db.executeQuery<{ inserted: number; job_inserted: number; seen_before: boolean }>(
      NAMED(params),
    );
    const row = rows[0];
    if (row !== undefined && row.inserted === 0 && !row.seen_before) return { kind: 'retry' };
    return { kind: 'done', inserted: (row?.inserted ?? 0) > 0, jobInserted: (row?.job_inserted ?? 0) > 0 };
  } catch (err) {
    if ((err as { code?: unknown }).code === DIVISION_BY_ZERO) return { kind: 'retry' };
    throw err;
  }
}

/**
 * The PostgreSQL intake: one statement per delivery (above), and the transactional path of
 * app/record-delivery.ts when that statement asks for a retry.
 */
export function postgresDeliveryIntake(
  db: Kysely<Database>,
  deps: {
    /** The row of the import job for an application (queue/enqueue.ts newJobRow). */
    readonly importJob: (connectionId: string, applicationId: string) => NewJobRow;
    readonly touches: DeliveryTouches;
    readonly inTransaction: DeliveryIntake;
    readonly wakeWorkers: () => void;
  },
): DeliveryIntake {
  return {
    // Candidate deletes and merges are rare: the transactional path serves them.
    recordCandidateEvent: (delivery, event) => deps.inTransaction.recordCandidateEvent(delivery, event),
    record: async (delivery, importApplication) => {
      const job =
        importApplication && delivery.applicationId !== null
          ? deps.importJob(delivery.connectionId, delivery.applicationId)
          : null;
      const touch = deps.touches.due(delivery.connectionId, delivery.receivedAt);
      const outcome = await recordDeliveryInOneStatement(db, delivery, job, touch);
      if (outcome.kind === 'retry') return deps.inTransaction.record(delivery, importApplication);
      if (outcome.jobInserted) deps.wakeWorkers();
      return { duplicate: !outcome.inserted };
    },
  };
}
