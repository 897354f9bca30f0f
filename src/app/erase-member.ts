import { AppError, notFound } from '../core/errors/app-error.js';
import type { DestinationTypes } from '../core/ports/destination-types.js';
import type { Actor } from './actor.js';
import { purgeNewHire } from './delete-new-hire.js';
import type { InboxDeps } from './inbox-deps.js';

export interface ErasureReport {
  readonly memberId: string;
  /** Stored files queued for removal from the document storage. */
  readonly files: number;
  /** Destinations that will be sent `member.deleted`. */
  readonly told: readonly { readonly destinationId: string; readonly name: string }[];
  /** Destinations that had the person but cannot be told, and why, in plain words. */
  readonly notTold: readonly {
    readonly destinationId: string;
    readonly name: string;
    readonly reason: string;
  }[];
}

/**
 * Erases a member from HireBridge (an admin's decision, confirmed): the member, its history, pending
 * updates, pushes and documents (the rows now, the stored files by queued jobs), and the new hire it came
 * from (purged, with a tombstone so Ashby cannot bring it back). Each destination that received the
 * person is told with `member.deleted` when it supports deletes; the others are listed as not told, so
 * the admin knows to remove the person there by hand. The audit entry names who erased which member id,
 * never the person's data.
 */
export function eraseMember(
  deps: Pick<InboxDeps, 'inbox' | 'clock' | 'ids'> & { readonly types: DestinationTypes },
  input: { memberId: string; actor: Actor; confirm: boolean },
): Promise<ErasureReport> {
  if (!input.confirm)
    return Promise.reject(
      new AppError('validation_failed', 'Confirm the erasure: it cannot be undone', {
        details: { problems: [{ field: 'confirm', message: 'must be true' }] },
      }),
    );
  return deps.inbox.transaction(async (data) => {
    const member = await data.findMember(input.memberId);
    if (!member) throw notFound('Member');
    const at = deps.clock.now();
    const hire = member.newHireId === null ? undefined : await data.findNewHire(member.newHireId);
    const purged =
      hire && hire.status !== 'deleted'
        ? await purgeNewHire(data, deps, hire, input.actor, 'new_hire.erase')
        : { files: 0 };
    const { blobKeys, pushes } = await data.erasure.eraseMember(member.id);
    const files = purged.files + blobKeys.length;
    for (const blobKey of blobKeys) await data.jobs.enqueue('documents.remove-file', { blobKey });
    const destinations = new Map(
      (await data.pushes.destinations(pushes.map((p) => p.destinationId))).map((d) => [d.id, d]),
    );
    const told: { destinationId: string; name: string }[] = [];
    const notTold: { destinationId: string; name: string; reason: string }[] = [];
    for (const push of pushes) {
      const destination = destinations.get(push.destinationId);
      if (!destination) continue;
      const type = deps.types.get(destination.type);
      const named = { destinationId: destination.id, name: destination.name };
      if (!type?.capabilities.includes('delete')) {
        notTold.push({
          ...named,
          reason: `${type?.label ?? destination.type} cannot be told to delete people from HireBridge: remove the person there by hand`,
        });
      } else if (push.remoteId === null) {
        notTold.push({
          ...named,
          reason: 'The person never reached this destination, so there is nothing to delete',
        });
      } else {
        await data.jobs.enqueue('destinations.forget', {
          memberId: member.id,
          destinationId: destination.id,
          remoteId: push.remoteId,
        });
        told.push(named);
      }
    }
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: 'member.erase',
      targetType: 'member',
      targetId: member.id,
      details: {
        files,
        told: told.map((t) => t.destinationId),
        notTold: notTold.map((t) => ({ destinationId: t.destinationId, reason: t.reason })),
      },
    });
    return { memberId: member.id, files, told, notTold };
  });
}
