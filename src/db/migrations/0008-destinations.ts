import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  // HR systems (and the signed webhook) that added members are pushed to. Credentials sealed by the
  // secret box (context destinations.credentials:<id>); never returned by the API.
  await db.schema
    .createTable('destinations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text')
    .addColumn('credentials_sealed', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    // ok, credentials_refused
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_message', 'text')
    // The per-destination limit every worker shares: a GCRA "theoretical arrival time" and a pause
    // after a 429, both epoch ms, updated atomically in one statement (reliability.md §3.2).
    .addColumn('rate_next_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_until', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // One row per (member, destination): what was pushed, the remote id once known, the last error.
  await db.schema
    .createTable('pushes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('destination_id', 'text', (c) => c.notNull().references('destinations.id'))
    // pending, delivered, failed, paused
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('remote_id', 'text')
    // Bumped by every change to push (an accepted Ashby update): with the push id it keys the event,
    // stable across retries of one change (the webhook's `webhook-id`).
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('warnings', 'text')
    .addColumn('delivered_at', 'bigint')
    // One attempt at a time per pair (epoch ms until which a worker holds it): two jobs of one pair
    // running at once could both look up, find nothing and create twice.
    .addColumn('locked_until', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('pushes_one_per_pair', ['member_id', 'destination_id'])
    .execute();
  await sql`create index pushes_by_status on pushes (status, updated_at)`.execute(db);
  await sql`create index pushes_by_destination on pushes (destination_id, status)`.execute(db);
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pushes').execute();
  await db.schema.dropTable('destinations').execute();
}
