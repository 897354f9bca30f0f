import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  // Where periodic reconciliation left off per connection: Ashby's application.list sync token and when
  // that sync began. A table of its own (not columns on ashby_connections) because only the reconcile
  // job writes it, on its own schedule, and it holds no secret.
  await db.schema
    .createTable('ashby_sync_state')
    .addColumn('connection_id', 'text', (c) => c.primaryKey().references('ashby_connections.id'))
    .addColumn('application_sync_token', 'text')
    .addColumn('applications_synced_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ashby_sync_state').execute();
}
