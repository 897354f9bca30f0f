import { notFound } from '../core/errors/app-error.js';
import type { Push, PushStatus } from '../core/model/destination.js';
import type { DestinationStore } from '../core/ports/destination-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { Actor } from './actor.js';
import type { RecordAudit } from './actor.js';

export interface PushAdminDeps {
  readonly destinations: DestinationStore;
  readonly memberExists: (memberId: string) => Promise<boolean>;
  readonly audit: RecordAudit;
  readonly clock: Clock;
}

export async function listMemberPushes(deps: PushAdminDeps, memberId: string): Promise<Push[]> {
  if (!(await deps.memberExists(memberId))) throw notFound('Member');
  return deps.destinations.listPushes({ memberId, limit: 500 });
}

export function listPushes(
  deps: PushAdminDeps,
  filter: { status?: PushStatus; limit: number },
): Promise<Push[]> {
  return deps.destinations.listPushes(filter);
}

/** Sends a push again (after a fix): back to pending with its job queued, whatever it stood at. */
export async function retryPush(
  deps: PushAdminDeps,
  input: { memberId: string; destinationId: string; actor: Actor },
): Promise<Push> {
  const requeued = await deps.destinations.requeuePush(input.memberId, input.destinationId, deps.clock.now());
  if (!requeued) throw notFound('Push');
  await deps.audit(input.actor, 'push.retry', 'member', input.memberId, {
    destinationId: input.destinationId,
  });
  return (
    (await deps.destinations.findPush(input.memberId, input.destinationId)) ??
    Promise.reject(notFound('Push'))
  );
}
