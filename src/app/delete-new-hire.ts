import { AppError, notFound } from '../core/errors/app-error.js';
import type { Actor } from './actor.js';
import type { NewHire } from '../core/model/new-hire.js';
import type { InboxData } from '../core/ports/inbox-store.js';
import type { InboxDeps } from './inbox-deps.js';

/**
 * Deletes a new hire that should not become a member: its personal data and history go, and a
 * tombstone (connection, application, who, when) keeps later deliveries for the same application from
 * bringing it back. Deleting twice is harmless; an added new hire cannot be deleted here.
 */
export function deleteNewHire(deps: InboxDeps, input: { newHireId: string; actor: Actor }): Promise<void> {
  return deps.inbox.transaction(async (data) => {
    const hire = await data.findNewHire(input.newHireId);
    if (!hire) throw notFound('New hire');
    if (hire.status === 'deleted') return;
    if (hire.status === 'added') {
      throw new AppError(
        'conflict',
        'This new hire is already a member of the directory; it cannot be deleted from the inbox',
      );
    }
    await purgeNewHire(data, deps, hire, input.actor);
  });
}

/**
 * Removes a new hire's personal data, history and documents (the files by queued jobs) and leaves a
 * tombstone, so later deliveries for its application do not bring it back. Used by the inbox's Delete,
 * by Ashby's candidateDelete and by erasing the member it became.
 */
export async function purgeNewHire(
  data: InboxData,
  deps: Pick<InboxDeps, 'clock' | 'ids'>,
  hire: NewHire,
  actor: Actor,
  action = 'new_hire.delete',
): Promise<{ files: number }> {
  const at = deps.clock.now();
  await data.updateNewHire(hire.id, {
    status: 'deleted',
    memberId: null,
    fields: {},
    missingRequired: [],
    editedFields: [],
    updatedAt: at,
  });
  await data.clearHistory(hire.id);
  // Its documents go too: the rows now, the stored files by a queued job (retried until gone).
  const { blobKeys } = await data.documents.removeForNewHire(hire.id);
  for (const blobKey of blobKeys) await data.jobs.enqueue('documents.remove-file', { blobKey });
  await data.addHistory({
    id: deps.ids.newId(),
    newHireId: hire.id,
    at,
    actor,
    kind: 'deleted',
    changes: {},
  });
  await data.addTombstone({
    connectionId: hire.connectionId,
    applicationId: hire.applicationId,
    newHireId: hire.id,
    deletedBy: actor,
    deletedAt: at,
  });
  await data.audit({
    id: deps.ids.newId(),
    at,
    actor,
    action,
    targetType: 'new_hire',
    targetId: hire.id,
    details: { applicationId: hire.applicationId },
  });
  return { files: blobKeys.length };
}

/**
 * Undoes a mistaken delete: removes the tombstone so the application can be imported again. Returns
 * what the caller must queue: the import of that application.
 */
export function restoreNewHire(
  deps: InboxDeps,
  input: { newHireId: string; actor: Actor },
): Promise<{ connectionId: string; applicationId: string }> {
  return deps.inbox.transaction(async (data) => {
    const hire = await data.findNewHire(input.newHireId);
    if (!hire) throw notFound('New hire');
    if (hire.status !== 'deleted')
      throw new AppError('conflict', `Only deleted new hires can be restored; this one is ${hire.status}`);
    const at = deps.clock.now();
    await data.removeTombstone(hire.connectionId, hire.applicationId);
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: 'new_hire.restore',
      targetType: 'new_hire',
      targetId: hire.id,
      details: { applicationId: hire.applicationId },
    });
    return { connectionId: hire.connectionId, applicationId: hire.applicationId };
  });
}
