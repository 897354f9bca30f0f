import { pushMember, type PushDeps } from '../app/push-member.js';
import { registerJob, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

const definition = jobCatalog['destinations.push'];

/** `retryBaseMs` overrides the catalog's first delay (DESTINATION_RETRY_BASE_MS: tests retry sooner). */
export function pushMemberHandler(deps: PushDeps, retryBaseMs?: number): RegisteredJob {
  const backoff =
    retryBaseMs === undefined
      ? definition.backoff
      : { baseMs: retryBaseMs, capMs: Math.max(retryBaseMs, definition.backoff.capMs) };
  return registerJob({ ...definition, backoff }, async (payload, context) => {
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
