import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Erasure. `erasure_requests`: members Ashby deleted (candidateDelete), waiting for an admin to erase
 * them from HireBridge; ids and times only. `ashby_candidate_links`: a candidate Ashby merged into
 * another (candidateMerge), so a later event for the old id finds the same new hire and member.
 * @public (listed in migrator.ts)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('erasure_requests')
    .addColumn('member_id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ashby_candidate_links')
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('surviving_candidate_id', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ashby_candidate_links_pk', ['connection_id', 'candidate_id'])
    .execute();
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ashby_candidate_links').execute();
  await db.schema.dropTable('erasure_requests').execute();
}
