import { z } from 'zod';
import { pushMember, type PushDeps } from '../app/push-member.js';
import {
  registerJob,
  type BackoffPolicy,
  type JobDefinition,
  type RegisteredJob,
} from '../queue/job-definition.js';

/**
 * Delivers one member to one destination (create or update). Unique per (member, destination) while it
 * waits, so duplicate requests collapse; retried with backoff and jitter over about a day for 5xx and
 * network errors (the Standard Webhooks schedule, shortened), then the push shows as failed.
 */
export const pushMemberJob: JobDefinition<{ memberId: string; destinationId: string }> = {
  kind: 'destinations.push',
  payload: z.object({ memberId: z.string().min(1), destinationId: z.string().min(1) }),
  maxAttempts: 12,
  backoff: { baseMs: 5_000, capMs: 4 * 60 * 60_000 },
};

export const pushUniqueKey = (memberId: string, destinationId: string) => `push:${memberId}:${destinationId}`;

/** `backoff` overrides the definition's (DESTINATION_RETRY_BASE_MS: tests and the demo retry sooner). */
export function pushMemberHandler(deps: PushDeps, backoff?: BackoffPolicy): RegisteredJob {
  const definition = backoff ? { ...pushMemberJob, backoff } : pushMemberJob;
  return registerJob(definition, async (payload, context) => {
    const outcome = await pushMember(deps, {
      ...payload,
      finalAttempt: context.attempt >= pushMemberJob.maxAttempts,
      signal: context.signal,
    });
    if (outcome.kind === 'snooze')
      return { kind: 'snooze', untilMs: outcome.untilMs, reason: outcome.reason };
    return undefined;
  });
}
