import type { Selectable } from 'kysely';

export type JobState = 'available' | 'running' | 'completed' | 'dead';

/** The durable queue's one table (owned by src/queue). Times are epoch milliseconds. */
export interface JobTable {
  id: string;
  kind: string;
  /** JSON text; ids only, never personal data. */
  payload: string;
  state: JobState;
  priority: number;
  /** Attempts started so far (incremented at claim). */
  attempt: number;
  max_attempts: number;
  run_at: number;
  /** At most one `available` and one `running` job share a key; see migration 0001. */
  unique_key: string | null;
  /** Fencing token of the current lease: only its holder may heartbeat, complete or fail the job. */
  lease_token: string | null;
  lease_expires_at: number | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

export type JobRow = Selectable<JobTable>;

/** What enqueueing writes: the columns a claim, a lease or an end fills are left out. */
export type NewJobRow = Pick<
  JobTable,
  | 'id'
  | 'kind'
  | 'payload'
  | 'state'
  | 'priority'
  | 'attempt'
  | 'max_attempts'
  | 'run_at'
  | 'unique_key'
  | 'created_at'
  | 'updated_at'
>;
