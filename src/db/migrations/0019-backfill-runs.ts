import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The last backfill of each Ashby connection and how far it got (pages read, hires found, imports
 * queued, when listing ended), so the admin app's progress bar survives a page reload and shows the
 * same thing in every browser. One row per connection: a new backfill replaces the last one.
 * @public (listed in migrator.ts)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('backfill_runs')
    .addColumn('connection_id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('starts_on_or_after', 'text')
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('found', 'integer', (c) => c.notNull())
    .addColumn('queued', 'integer', (c) => c.notNull())
    .addColumn('listed_at', 'bigint')
    .addColumn('error', 'text')
    .execute();
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('backfill_runs').execute();
}
