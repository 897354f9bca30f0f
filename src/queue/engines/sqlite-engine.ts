import { sql } from 'kysely';
import type { JobRow } from '../../db/tables/job.table.js';
import { dueJobsCondition, leaseAssignments } from './claim-sql.js';
import type { QueueEngine } from './queue-engine.js';

/**
 * SQLite serialises writers, so one UPDATE ... WHERE id IN (SELECT ... LIMIT n) RETURNING is atomic:
 * no other process can claim the same rows between the select and the update (Oban's Lite engine).
 */
export const sqliteEngine: QueueEngine = {
  async claim(db, request) {
    const result = await sql<JobRow>`update jobs set ${leaseAssignments(request)}
      where id in (select j.id from jobs j where ${dueJobsCondition(request)}
        order by j.priority, j.run_at, j.id limit ${request.limit})
      returning *`.execute(db);
    return result.rows;
  },
};
