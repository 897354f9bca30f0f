import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  // argon2id (PHC string); null while a user is invited and has not set a password yet.
  await db.schema.alterTable('users').addColumn('password_hash', 'text').execute();

  // Signed-in browsers. `id` is the SHA-256 (hex) of the cookie value; the value itself is never stored.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await sql`create index sessions_by_user on sessions (user_id)`.execute(db);
  await sql`create index sessions_by_expiry on sessions (expires_at)`.execute(db);

  // Single-use links: the first-run setup link (user_id null) and invites. Keyed by the token's SHA-256.
  await db.schema
    .createTable('user_invites')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await sql`create index user_invites_by_user on user_invites (purpose, user_id)`.execute(db);

  // Failed sign-ins per 'account:<email key>' and 'address:<ip>', shared by every server process.
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .execute();
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['login_throttle', 'user_invites', 'sessions']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('users').dropColumn('password_hash').execute();
}
