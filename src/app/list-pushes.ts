import { notFound } from '../core/errors/app-error.js';
import type { Push, PushStatus } from '../core/model/destination.js';
import type { DestinationStore } from '../core/ports/destination-store.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { Actor } from './actor.js';
import { audited, type AuditedDeps } from './audited.js';
import { queuePushJobs } from './queue-pushes.js';

export interface PushAdminDeps extends AuditedDeps {
  readonly destinations: DestinationStore;
  readonly inbox: InboxStore;
}

export async function listMemberPushes(deps: PushAdminDeps, memberId: string): Promise<Push[]> {
  if (!(await deps.inbox.read((data) => data.findMember(memberId)))) throw notFound('Member');
  return deps.destinations.listPushes({ memberId, limit: 500 });
}

export function listPushes(
  deps: PushAdminDeps,
  filter: { status?: PushStatus; limit: number },
): Promise<Push[]> {
  return deps.destinations.listPushes(filter);
}

/**
 * Sends a push again (after a fix): back to pending whatever it stood at, its job queued and the retry
 * audited in one transaction.
 */
export function retryPush(
  deps: PushAdminDeps,
  input: { memberId: string; destinationId: string; actor: Actor },
): Promise<Push> {
  const { memberId, destinationId } = input;
  return audited(deps, input.actor, async (data) => {
    const fromStatus = ['pending', 'failed', 'paused', 'delivered'] as const;
    const pairs = await data.destinations.setPending(
      { memberId, destinationId, fromStatus },
      deps.clock.now(),
    );
    if (pairs.length === 0) throw notFound('Push');
    await queuePushJobs(data.jobs, pairs);
    const push =
      (await data.destinations.findPush(memberId, destinationId)) ?? Promise.reject(notFound('Push'));
    const target = {
      action: 'push.retry',
      targetType: 'member',
      targetId: memberId,
      details: { destinationId },
    };
    return [await push, target] as const;
  });
}
