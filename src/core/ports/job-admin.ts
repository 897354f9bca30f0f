import type { JobStateName, JobView } from '../model/job-view.js';

/** What operators may do with queued jobs. */
export interface JobAdmin {
  list(filter: { state?: JobStateName; kind?: string; limit: number }): Promise<JobView[]>;
  find(id: string): Promise<JobView | undefined>;
  /** False when the job is not dead or a job with its unique key already waits. */
  retryDead(id: string): Promise<boolean>;
  countByState(): Promise<Record<JobStateName, number>>;
}
