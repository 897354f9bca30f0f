/** A member Ashby deleted, waiting for an admin's decision to erase it (migration 0018). */
export interface ErasureRequestTable {
  member_id: string;
  connection_id: string;
  candidate_id: string;
  requested_at: number;
}

/** A candidate id Ashby merged into another (candidateMerge). */
export interface CandidateLinkTable {
  connection_id: string;
  candidate_id: string;
  surviving_candidate_id: string;
  linked_at: number;
}
