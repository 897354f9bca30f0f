import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type { ErasureRequestTable } from '../tables/erasure.table.js';

export function findCandidateLink(db: Kysely<Database>, connectionId: string, candidateId: string) {
  return db
    .selectFrom('ashby_candidate_links')
    .select('surviving_candidate_id')
    .where('connection_id', '=', connectionId)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
}

export async function findNewHireIdsOfCandidate(
  db: Kysely<Database>,
  connectionId: string,
  candidateId: string,
) {
  const rows = await db
    .selectFrom('new_hires')
    .select('id')
    .where('connection_id', '=', connectionId)
    .where('candidate_id', '=', candidateId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function findMemberIdsOfCandidate(
  db: Kysely<Database>,
  connectionId: string,
  candidateId: string,
) {
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('ashby_connection_id', '=', connectionId), eb('ashby_candidate_id', '=', candidateId)]),
        eb(
          'new_hire_id',
          'in',
          eb
            .selectFrom('new_hires')
            .select('id')
            .where('connection_id', '=', connectionId)
            .where('candidate_id', '=', candidateId),
        ),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function relinkCandidate(
  db: Kysely<Database>,
  input: { connectionId: string; from: string; to: string; at: number },
): Promise<void> {
  const { connectionId, from, to, at } = input;
  await db
    .updateTable('new_hires')
    .set({ candidate_id: to })
    .where('connection_id', '=', connectionId)
    .where('candidate_id', '=', from)
    .execute();
  await db
    .updateTable('members')
    .set({ ashby_candidate_id: to })
    .where('ashby_connection_id', '=', connectionId)
    .where('ashby_candidate_id', '=', from)
    .execute();
  // Ids merged into `from` earlier now lead to `to` as well.
  await db
    .updateTable('ashby_candidate_links')
    .set({ surviving_candidate_id: to })
    .where('connection_id', '=', connectionId)
    .where('surviving_candidate_id', '=', from)
    .execute();
  await db
    .insertInto('ashby_candidate_links')
    .values({ connection_id: connectionId, candidate_id: from, surviving_candidate_id: to, linked_at: at })
    .onConflict((oc) =>
      oc
        .columns(['connection_id', 'candidate_id'])
        .doUpdateSet({ surviving_candidate_id: to, linked_at: at }),
    )
    .execute();
}

export async function insertErasureRequest(db: Kysely<Database>, row: ErasureRequestTable): Promise<boolean> {
  const inserted = await db
    .insertInto('erasure_requests')
    .values(row)
    .onConflict((oc) => oc.column('member_id').doNothing())
    .returning('member_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function listErasureRequestRows(db: Kysely<Database>, memberId?: string) {
  let query = db.selectFrom('erasure_requests').selectAll().orderBy('requested_at').orderBy('member_id');
  if (memberId !== undefined) query = query.where('member_id', '=', memberId);
  return query.execute();
}

/** Deletes a member and every row about it; answers the document files and pushes it had. */
export async function deleteMemberEverywhere(db: Kysely<Database>, memberId: string) {
  const member = await db
    .selectFrom('members')
    .select('new_hire_id')
    .where('id', '=', memberId)
    .executeTakeFirst();
  const documents = await db
    .selectFrom('documents')
    .select('blob_key')
    .where((eb) =>
      member?.new_hire_id
        ? eb.or([eb('member_id', '=', memberId), eb('new_hire_id', '=', member.new_hire_id)])
        : eb('member_id', '=', memberId),
    )
    .execute();
  await db
    .deleteFrom('documents')
    .where((eb) =>
      member?.new_hire_id
        ? eb.or([eb('member_id', '=', memberId), eb('new_hire_id', '=', member.new_hire_id)])
        : eb('member_id', '=', memberId),
    )
    .execute();
  const pushes = await db
    .selectFrom('pushes')
    .select(['destination_id', 'remote_id'])
    .where('member_id', '=', memberId)
    .orderBy('destination_id')
    .execute();
  await db.deleteFrom('pushes').where('member_id', '=', memberId).execute();
  await db.deleteFrom('member_history').where('member_id', '=', memberId).execute();
  await db.deleteFrom('member_updates').where('member_id', '=', memberId).execute();
  await db.deleteFrom('erasure_requests').where('member_id', '=', memberId).execute();
  await db.updateTable('members').set({ manager_id: null }).where('manager_id', '=', memberId).execute();
  await db
    .updateTable('positions')
    .set({ filled_by_member_id: null })
    .where('filled_by_member_id', '=', memberId)
    .execute();
  await db.deleteFrom('members').where('id', '=', memberId).execute();
  return {
    blobKeys: documents.flatMap((d) => (d.blob_key ? [d.blob_key] : [])),
    pushes: pushes.map((p) => ({ destinationId: p.destination_id, remoteId: p.remote_id })),
  };
}
