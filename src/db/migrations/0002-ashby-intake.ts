import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ashby_connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('api_url', 'text', (c) => c.notNull())
    .addColumn('api_key_sealed', 'text', (c) => c.notNull())
    .addColumn('webhook_secret_sealed', 'text', (c) => c.notNull())
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('ashby_webhooks', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('last_ping_at', 'bigint')
    .addColumn('last_delivery_at', 'bigint')
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull().references('ashby_connections.id'))
    .addColumn('action_key', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('processed_at', 'bigint')
    .execute();
  // The delivery-level dedupe: Ashby's retries and double-configured webhooks share webhookActionId;
  // the three events of one hire share it too but differ in action, so each is kept once.
  await sql`create unique index webhook_deliveries_dedupe on webhook_deliveries (connection_id, action_key, action)`.execute(
    db,
  );
  await sql`create index webhook_deliveries_recent on webhook_deliveries (connection_id, received_at)`.execute(
    db,
  );
  await sql`create index webhook_deliveries_application on webhook_deliveries (connection_id, application_id, status)`.execute(
    db,
  );

  await db.schema
    .createTable('new_hires')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull().references('ashby_connections.id'))
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('offer_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('missing_required', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The business-level dedupe: one new hire per hired application, whatever the deliveries did.
  await sql`create unique index new_hires_application on new_hires (connection_id, application_id)`.execute(
    db,
  );
  await sql`create index new_hires_inbox on new_hires (status, created_at)`.execute(db);
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('new_hires').execute();
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('ashby_connections').execute();
}
