import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  // Open jobs of the directory (PRODUCT.md C10). Booleans are 0/1 integers (one shape on both dialects);
  // custom_fields is JSON {title: text}. `revision` grows on every change, so the sync knows what to push.
  await db.schema
    .createTable('positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('location', 'text')
    .addColumn('employment_type', 'text', (c) => c.notNull())
    .addColumn('target_hire_date', 'text')
    .addColumn('target_start_date', 'text')
    .addColumn('recruiting', 'integer', (c) => c.notNull())
    .addColumn('requisition_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('ashby_job_id', 'text')
    .addColumn('custom_fields', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('close_reason', 'text')
    .addColumn('filled_by_member_id', 'text')
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('positions_status').on('positions').columns(['status']).execute();

  // Opening sync per Ashby connection: off until an admin enables it; custom_fields are the position
  // custom-field titles chosen for sync (JSON array), field_ids the Ashby field id of each (JSON object).
  await db.schema
    .createTable('opening_sync_settings')
    .addColumn('connection_id', 'text', (c) => c.primaryKey().references('ashby_connections.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('custom_fields', 'text', (c) => c.notNull())
    .addColumn('field_ids', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // Which Ashby opening each position became on each connection, and the position revision last pushed.
  await db.schema
    .createTable('position_openings')
    .addColumn('connection_id', 'text', (c) => c.notNull().references('ashby_connections.id'))
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id'))
    .addColumn('opening_id', 'text', (c) => c.notNull())
    .addColumn('pushed_revision', 'bigint', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('position_openings_pk', ['connection_id', 'position_id'])
    .execute();
  await db.schema
    .createIndex('position_openings_opening')
    .on('position_openings')
    .columns(['connection_id', 'opening_id'])
    .execute();

  // One row per sync run (its id is the queue job's id); errors is a JSON array of {positionId, message}.
  await db.schema
    .createTable('opening_sync_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull().references('ashby_connections.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('failed', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('opening_sync_runs_connection')
    .on('opening_sync_runs')
    .columns(['connection_id', 'started_at'])
    .execute();
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('opening_sync_runs').execute();
  await db.schema.dropTable('position_openings').execute();
  await db.schema.dropTable('opening_sync_settings').execute();
  await db.schema.dropTable('positions').execute();
}
