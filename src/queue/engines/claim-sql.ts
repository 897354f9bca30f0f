import { sql } from 'kysely';
import type { ClaimRequest } from './queue-engine.js';

/** The selection both engines share: due, of a kind we run, and not sharing a key with a running job. */
export function dueJobsCondition(request: ClaimRequest) {
  return sql`j.state = 'available' and j.run_at <= ${request.now}
    and j.kind in (${sql.join(request.kinds)})
    and (j.unique_key is null or not exists (
      select 1 from jobs r where r.unique_key = j.unique_key and r.state = 'running'))`;
}

export function leaseAssignments(request: ClaimRequest) {
  return sql`state = 'running', attempt = attempt + 1, lease_token = ${request.leaseToken},
    lease_expires_at = ${request.now + request.leaseMs}, locked_by = ${request.workerId},
    updated_at = ${request.now}`;
}
