import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * One Ashby event, one import, held by the database: at most one delivery per (connection, Ashby event,
 * application) may be waiting for its import ('queued'). app/record-delivery.ts looks for such a
 * sibling first, but on PostgreSQL two deliveries of one event can each look before the other commits;
 * with this index the second insert waits for the first, then conflicts, and the intake settles it as
 * the sibling it is instead of queueing a second import. Deliveries stored before this migration by
 * that race are settled the same way first (the earliest stays queued), so the index can be built.
 * @public (listed in migrator.ts)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update webhook_deliveries
    set status = 'processed',
        outcome = 'same Ashby event as an earlier delivery; imported once',
        processed_at = received_at
    where status = 'queued' and exists (
      select 1 from webhook_deliveries earlier
      where earlier.status = 'queued'
        and earlier.connection_id = webhook_deliveries.connection_id
        and earlier.action_key = webhook_deliveries.action_key
        and earlier.application_id = webhook_deliveries.application_id
        and (earlier.received_at < webhook_deliveries.received_at
          or (earlier.received_at = webhook_deliveries.received_at and earlier.id < webhook_deliveries.id))
    )`.execute(db);
  await sql`create unique index webhook_deliveries_one_queued_import
    on webhook_deliveries (connection_id, action_key, application_id) where status = 'queued'`.execute(db);
}
