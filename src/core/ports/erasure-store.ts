/** A member Ashby deleted, waiting for an admin to erase it from HireBridge (ids and time only). */
export interface ErasureRequest {
  readonly memberId: string;
  readonly connectionId: string;
  readonly candidateId: string;
  readonly requestedAt: number;
}

/** Where an erased member had been pushed: the destination and the person's id there. */
export interface ErasedPush {
  readonly destinationId: string;
  readonly remoteId: string | null;
}

/**
 * Erasure and Ashby's candidate lifecycle (candidateDelete, candidateMerge) inside an inbox transaction.
 * Candidate ids are matched per connection; a merged id leads to the surviving one.
 */
export interface ErasureData {
  /** The candidate id this one was merged into (following merges), or the id itself. */
  survivingCandidate(connectionId: string, candidateId: string): Promise<string>;
  /** New hires of the candidate (any status). */
  newHireIdsOfCandidate(connectionId: string, candidateId: string): Promise<string[]>;
  /** Members that came from the candidate (directly, or through one of its new hires). */
  memberIdsOfCandidate(connectionId: string, candidateId: string): Promise<string[]>;
  /** Re-links every new hire, member and earlier link of `from` to `to`, and remembers `from`. */
  linkCandidate(connectionId: string, from: string, to: string, at: number): Promise<void>;
  /** False when the member already had a request waiting. */
  requestErasure(request: ErasureRequest): Promise<boolean>;
  erasureRequests(): Promise<ErasureRequest[]>;
  findErasureRequest(memberId: string): Promise<ErasureRequest | undefined>;
  /**
   * Deletes the member and everything kept about it: history, pending updates, pushes, documents (rows;
   * the files are the caller's to remove), a pending erasure request; its reports and the position it
   * filled lose the link. Answers the file keys and the destinations it had been pushed to.
   */
  eraseMember(memberId: string): Promise<{ blobKeys: string[]; pushes: ErasedPush[] }>;
}
