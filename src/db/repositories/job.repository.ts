import type { JobView } from '../../core/model/job-view.js';
import type { JobRow } from '../tables/job.table.js';

/** Row → domain view for operators. */
export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    attempt: row.attempt,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    uniqueKey: row.unique_key,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
