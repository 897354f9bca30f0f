import { pushMember, type PushDeps } from '../app/push-member.js';
import { registerJob, type BackoffPolicy, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

const definition = jobCatalog['destinations.push'];

/** `backoff` overrides the catalog's (DESTINATION_RETRY_BASE_MS: tests and the demo retry sooner). */
export function pushMemberHandler(deps: PushDeps, backoff?: BackoffPolicy): RegisteredJob {
  return registerJob(backoff ? { ...definition, backoff } : definition, async (payload, context) => {
    const outcome = await pushMember(deps, {
      ...payload,
      finalAttempt: context.attempt >= definition.maxAttempts,
      signal: context.signal,
    });
    if (outcome.kind === 'snooze')
      return { kind: 'snooze', untilMs: outcome.untilMs, reason: outcome.reason };
    return undefined;
  });
}
