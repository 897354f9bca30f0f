import { AppError, notFound } from '../core/errors/app-error.js';
import type { Actor } from './actor.js';
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
    const at = deps.clock.now();
    await data.updateNewHire(hire.id, {
      status: 'deleted',
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
      actor: input.actor,
      kind: 'deleted',
      changes: {},
    });
    await data.addTombstone({
      connectionId: hire.connectionId,
      applicationId: hire.applicationId,
      newHireId: hire.id,
      deletedBy: input.actor,
      deletedAt: at,
    });
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: 'new_hire.delete',
      targetType: 'new_hire',
      targetId: hire.id,
      details: { applicationId: hire.applicationId },
    });
  });
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
