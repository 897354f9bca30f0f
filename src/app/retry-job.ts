import { AppError, notFound } from '../core/errors/app-error.js';
import type { JobView } from '../core/model/job-view.js';
import type { JobAdmin } from '../core/ports/job-admin.js';

/** Retries a dead job by hand, with a fresh attempt budget. */
export async function retryJob(deps: { readonly jobs: JobAdmin }, id: string): Promise<JobView> {
  const job = await deps.jobs.find(id);
  if (!job) throw notFound('Job');
  if (job.state !== 'dead') {
    throw new AppError('conflict', `Only dead jobs can be retried; this one is ${job.state}`);
  }
  if (!(await deps.jobs.retryDead(id))) {
    throw new AppError('conflict', 'A job with the same key is already waiting; it will do this work');
  }
  const after = await deps.jobs.find(id);
  if (!after) throw notFound('Job');
  return after;
}
