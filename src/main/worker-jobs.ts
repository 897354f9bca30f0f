import type { RegisteredJob } from '../queue/job-definition.js';

/**
 * Every job kind the worker runs, with its handler bound to its dependencies: one list, gathered from
 * the features that own the jobs (their definitions are in jobs/catalog.ts).
 */
export function workerJobs(
  ...features: readonly { readonly jobs: readonly RegisteredJob[] }[]
): RegisteredJob[] {
  return features.flatMap((feature) => feature.jobs);
}
