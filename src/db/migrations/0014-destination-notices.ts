import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * In-app notifications about more than new hires: `kind` says what one is about. `destination_paused`
 * tells an admin that a destination refused its credentials (its pushes are paused); it names the
 * destination by id and keeps what the system answered (`detail`), so `new_hire_id` and `connection_id`
 * become optional. SQLite cannot drop a NOT NULL, so the table is rebuilt the same way on both
 * dialects: a copy with the new shape, the rows, then the swap and the indexes again. At most one unread
 * notice per admin and destination: a repeated refusal refreshes it instead of piling up.
 * @public (listed in migrator.ts)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('new_hire'))
    .addColumn('new_hire_id', 'text')
    .addColumn('connection_id', 'text')
    .addColumn('destination_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await sql`insert into notifications_next (id, user_id, kind, new_hire_id, connection_id, created_at, read_at)
    select id, user_id, 'new_hire', new_hire_id, connection_id, created_at, read_at from notifications`.execute(
    db,
  );
  await db.schema.dropTable('notifications').execute();
  await db.schema.alterTable('notifications_next').renameTo('notifications').execute();
  await createIndexes(db);
  await sql`create unique index notifications_destination_unread on notifications (destination_id, user_id)
    where read_at is null`.execute(db);
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications_previous')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('new_hire_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  // Destination notices have no place in the old shape and go.
  await sql`insert into notifications_previous (id, user_id, new_hire_id, connection_id, created_at, read_at)
    select id, user_id, new_hire_id, connection_id, created_at, read_at from notifications
    where kind = 'new_hire'`.execute(db);
  await db.schema.dropTable('notifications').execute();
  await db.schema.alterTable('notifications_previous').renameTo('notifications').execute();
  await createIndexes(db);
}

/** One notification per new hire and user (the import's ON CONFLICT target), and the per-user listing. */
async function createIndexes(db: Kysely<any>): Promise<void> {
  await sql`create unique index notifications_once on notifications (new_hire_id, user_id)`.execute(db);
  await sql`create index notifications_by_user on notifications (user_id, created_at)`.execute(db);
}
