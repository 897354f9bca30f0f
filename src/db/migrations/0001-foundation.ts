import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was at their time, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('unique_key', 'text')
    .addColumn('lease_token', 'text')
    .addColumn('lease_expires_at', 'bigint')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  // The claim query's access path: available jobs that are due, in priority order.
  await sql`create index jobs_claim on jobs (state, run_at, priority)`.execute(db);
  // Unique keys: at most one waiting and at most one running job per key. A duplicate enqueue while one
  // waits is a no-op; one enqueued while another runs waits for it (the claim skips keys that are
  // running), so work requested during a run is done once more afterwards, never lost, never parallel.
  await sql`create unique index jobs_unique_available on jobs (unique_key) where state = 'available'`.execute(
    db,
  );
  await sql`create unique index jobs_unique_running on jobs (unique_key) where state = 'running'`.execute(db);
  await sql`create index jobs_lease on jobs (state, lease_expires_at)`.execute(db);

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute();
  await db.schema.dropTable('jobs').execute();
}
