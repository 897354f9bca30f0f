import { forgetMember, type ForgetDeps } from '../app/forget-member.js';
import { registerJob, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

/** Tells a destination an erased member is gone (`member.deleted`); failures are retried. */
export function forgetMemberHandler(deps: ForgetDeps): RegisteredJob {
  return registerJob(jobCatalog['destinations.forget'], async (payload, context) => {
    await forgetMember(deps, { ...payload, signal: context.signal });
  });
}
