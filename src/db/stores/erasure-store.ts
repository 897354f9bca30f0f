import type { Kysely } from 'kysely';
import type { ErasureData, ErasureRequest } from '../../core/ports/erasure-store.js';
import {
  deleteMemberEverywhere,
  findCandidateLink,
  findMemberIdsOfCandidate,
  findNewHireIdsOfCandidate,
  insertErasureRequest,
  listErasureRequestRows,
  relinkCandidate,
} from '../repositories/erasure.repository.js';
import type { Database } from '../tables/database.js';
import type { ErasureRequestTable } from '../tables/erasure.table.js';

const toRequest = (r: ErasureRequestTable): ErasureRequest => ({
  memberId: r.member_id,
  connectionId: r.connection_id,
  candidateId: r.candidate_id,
  requestedAt: Number(r.requested_at),
});

/** Erasure requests, candidate links and the erasure itself over one handle (an inbox transaction). */
export function erasureData(db: Kysely<Database>): ErasureData {
  return {
    survivingCandidate: async (connectionId, candidateId) =>
      (await findCandidateLink(db, connectionId, candidateId))?.surviving_candidate_id ?? candidateId,
    newHireIdsOfCandidate: (connectionId, candidateId) =>
      findNewHireIdsOfCandidate(db, connectionId, candidateId),
    memberIdsOfCandidate: (connectionId, candidateId) =>
      findMemberIdsOfCandidate(db, connectionId, candidateId),
    linkCandidate: (connectionId, from, to, at) => relinkCandidate(db, { connectionId, from, to, at }),
    requestErasure: (r) =>
      insertErasureRequest(db, {
        member_id: r.memberId,
        connection_id: r.connectionId,
        candidate_id: r.candidateId,
        requested_at: r.requestedAt,
      }),
    erasureRequests: async () => (await listErasureRequestRows(db)).map(toRequest),
    findErasureRequest: async (memberId) => {
      const [row] = await listErasureRequestRows(db, memberId);
      return row && toRequest(row);
    },
    eraseMember: (memberId) => deleteMemberEverywhere(db, memberId),
  };
}
