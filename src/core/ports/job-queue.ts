/**
 * Every kind of background job and its payload. Payloads carry ids only, never personal data. The
 * catalog (src/jobs/catalog.ts) gives each kind its payload schema, unique key and retry policy.
 */
export interface JobPayloads {
  'ashby.application.import': {
    readonly connectionId: string;
    readonly applicationId: string;
    readonly quiet?: boolean | undefined;
    readonly startsOnOrAfter?: string | undefined;
  };
  'ashby.reconcile': { readonly connectionId: string };
  'documents.download': { readonly documentId: string };
  'documents.remove-file': { readonly blobKey: string };
  'notifications.send': { readonly sendId: string };
  'notifications.backfill-digest': { readonly connectionId: string; readonly since: number };
  'openings.sync': { readonly connectionId: string };
  'destinations.push': { readonly memberId: string; readonly destinationId: string };
  'ashby.candidate.event': {
    readonly connectionId: string;
    readonly action: 'candidateDelete' | 'candidateMerge';
    readonly candidateId: string;
    /** candidateMerge: the id Ashby deleted in the merge (candidateId is the one that survives). */
    readonly formerCandidateId?: string | undefined;
  };
  /** Tells one destination an erased member is gone (`member.deleted`); ids only. */
  'destinations.forget': {
    readonly memberId: string;
    readonly destinationId: string;
    readonly remoteId: string;
  };
}

export type JobKind = keyof JobPayloads;

/**
 * Queues follow-up work. Use cases get it bound to their own transaction, so an action and the jobs it
 * asks for commit together or not at all; workers see the jobs only once the transaction has committed.
 */
export interface JobQueue {
  /** False when a job with the same unique key already waited (it will do the work). */
  enqueue<K extends JobKind>(
    kind: K,
    payload: JobPayloads[K],
    options?: { readonly runAt?: number },
  ): Promise<boolean>;
  /**
   * Queues a job to run at `runAt`, or, when one with the same unique key already waits, moves that one
   * up to `runAt` if it was due later (a periodic run and "run it now" share one key). Answers the id of
   * the job that will do the work.
   */
  schedule<K extends JobKind>(kind: K, payload: JobPayloads[K], runAt: number): Promise<string>;
}
