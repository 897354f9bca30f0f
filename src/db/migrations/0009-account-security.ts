import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  // Address groups an account signed in from: the per-account sign-in delays do not apply there, so an
  // attacker elsewhere cannot lock the owner out of their own address.
  await db.schema
    .createTable('sign_in_known_addresses')
    .addColumn('account_key', 'text', (c) => c.notNull())
    .addColumn('address_key', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_known_addresses_pk', ['account_key', 'address_key'])
    .execute();

  // A deactivated user keeps their history but cannot sign in; null while active.
  await db.schema.alterTable('users').addColumn('deactivated_at', 'bigint').execute();

  // The user who created an API token (null: made on the command line); their deactivation ends it.
  await db.schema.alterTable('api_tokens').addColumn('user_id', 'text').execute();
  await sql`create index api_tokens_by_user on api_tokens (user_id)`.execute(db);
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index api_tokens_by_user`.execute(db);
  await db.schema.alterTable('api_tokens').dropColumn('user_id').execute();
  await db.schema.alterTable('users').dropColumn('deactivated_at').execute();
  await db.schema.dropTable('sign_in_known_addresses').execute();
}
