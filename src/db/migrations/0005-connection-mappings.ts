import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  // Each save of a connection's field mapping is a new row, never an update: the newest revision is the
  // one in force, the older ones say what earlier imports were built with. The primary key is also what
  // refuses two concurrent saves of the same next revision.
  await db.schema
    .createTable('connection_mappings')
    .addColumn('connection_id', 'text', (c) => c.notNull().references('ashby_connections.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    /** JSON: the validated mapping spec ({version, rules, customTargets}). */
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'bigint', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('connection_mappings_pk', ['connection_id', 'revision'])
    .execute();
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('connection_mappings').execute();
}
