import type { Readiness } from '../app/check-readiness.js';
import type { Principal } from '../core/auth/role.js';
import type { JobStateName, JobView } from '../core/model/job-view.js';

/**
 * The use cases the HTTP layer may call, already bound to their dependencies by src/main. Routes see
 * nothing else: no database, no queue, no connectors.
 */
export interface HttpServices {
  authenticate(authorization: string | undefined): Promise<Principal>;
  checkReadiness(): Promise<Readiness>;
  listJobs(filter: { state?: JobStateName; kind?: string; limit: number }): Promise<JobView[]>;
  getJob(id: string): Promise<JobView>;
  retryJob(id: string): Promise<JobView>;
}
