import type { RegisteredJob } from '../queue/job-definition.js';

/**
 * Every job kind the worker runs in production, with its handler bound to its dependencies.
 * The Ashby import and delivery jobs join this list as they land.
 */
export function productionJobs(): RegisteredJob[] {
  return [];
}
