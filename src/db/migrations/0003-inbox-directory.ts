import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  // What the inbox needs beyond the import: reviewer edits (which win over later imports), the member
  // a new hire became, who deleted it, and the Ashby ids of its department and location.
  await db.schema
    .alterTable('new_hires')
    .addColumn('edited_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('new_hires').addColumn('member_id', 'text').execute();
  await db.schema
    .alterTable('new_hires')
    .addColumn('ashby_refs', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .createTable('new_hire_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('new_hire_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await sql`create index new_hire_history_by_hire on new_hire_history (new_hire_id, at)`.execute(db);

  // A deleted new hire leaves only this: which application, who, when. No personal data.
  await db.schema
    .createTable('new_hire_tombstones')
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('new_hire_id', 'text', (c) => c.notNull())
    .addColumn('deleted_by', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('new_hire_tombstones_pk', ['connection_id', 'application_id'])
    .execute();

  for (const table of ['departments', 'locations']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('ashby_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await sql`create unique index ${sql.raw(`${table}_ashby_id`)} on ${sql.table(table)} (ashby_id) where ashby_id is not null`.execute(
      db,
    );
    await sql`create index ${sql.raw(`${table}_name_key`)} on ${sql.table(table)} (name_key)`.execute(db);
  }

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('personal_email_key', 'text')
    .addColumn('work_email_key', 'text')
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id'))
    .addColumn('manager_id', 'text')
    .addColumn('ashby_connection_id', 'text')
    .addColumn('ashby_candidate_id', 'text')
    .addColumn('ashby_application_id', 'text')
    .addColumn('new_hire_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Duplicate people are found by these keys (the internal-hire and rehire cases).
  await sql`create index members_personal_email on members (personal_email_key)`.execute(db);
  await sql`create index members_work_email on members (work_email_key)`.execute(db);
  await sql`create index members_candidate on members (ashby_candidate_id)`.execute(db);
  await sql`create index members_name on members (name_key)`.execute(db);
  // One member per new hire: a repeated or concurrent Add member cannot create two.
  await sql`create unique index members_new_hire on members (new_hire_id) where new_hire_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('member_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('new_hire_id', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'text')
    .execute();
  await sql`create index member_updates_by_member on member_updates (member_id, status)`.execute(db);

  // Who did what, when. Details name fields and ids, never their personal values.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'member_updates',
    'members',
    'locations',
    'departments',
    'new_hire_tombstones',
    'new_hire_history',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['ashby_refs', 'member_id', 'edited_fields']) {
    await db.schema.alterTable('new_hires').dropColumn(column).execute();
  }
}
