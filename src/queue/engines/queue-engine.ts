import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables/database.js';
import type { JobRow } from '../../db/tables/job.table.js';

export interface ClaimRequest {
  readonly workerId: string;
  readonly limit: number;
  readonly now: number;
  readonly leaseMs: number;
  /** Fresh fencing token for this claim; (job id, token) identifies one lease. */
  readonly leaseToken: string;
  /** Only these kinds (the ones this worker can run). */
  readonly kinds: readonly string[];
}

/**
 * The one place where SQL differs between databases (the Oban engine pattern). Everything else in the
 * queue is portable Kysely.
 */
export interface QueueEngine {
  /** Atomically moves up to `limit` due jobs to running under a new lease and returns them. */
  claim(db: Kysely<Database>, request: ClaimRequest): Promise<JobRow[]>;
}
