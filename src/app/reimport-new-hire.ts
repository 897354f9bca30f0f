import { AppError, notFound } from '../core/errors/app-error.js';
import type { NewHire } from '../core/model/new-hire.js';
import type { Actor } from './actor.js';
import type { ImportDeps } from './import-application.js';
import { importedHireOf } from './imported-hire.js';
import { saveImportedHire, type SaveOutcome } from './save-imported-hire.js';

/**
 * Reads a new hire still in review from Ashby again and applies the connection's current mapping, the
 * way a new delivery would: fields the mapping no longer fills go, new ones arrive, and fields a reviewer
 * edited keep the reviewer's value (saveImportedHire). Added and deleted new hires are refused: an added
 * one belongs to the directory, a deleted one is restored instead. `revertFields` ("Revert to Ashby's
 * value") are reviewer-edited fields that take Ashby's value in this import, in the same transaction.
 */
export async function reimportNewHire(
  deps: ImportDeps,
  input: { newHireId: string; actor: Actor; revertFields?: readonly string[] },
): Promise<{ outcome: SaveOutcome; newHire: NewHire }> {
  const hire = await deps.inbox.read((data) => data.findNewHire(input.newHireId));
  if (!hire) throw notFound('New hire');
  if (hire.status !== 'in_review') {
    throw new AppError(
      'conflict',
      `Only new hires in review can be reimported; this one is ${hire.status === 'added' ? 'already added to the directory' : 'deleted (restore it instead)'}`,
    );
  }
  const gateway = await deps.gatewayFor(hire.connectionId);
  if (!gateway) throw new AppError('conflict', 'The Ashby connection of this new hire no longer exists');
  const fetched = await gateway.fetchHire(hire.applicationId);
  if (fetched.kind === 'not_hired') {
    throw new AppError(
      'conflict',
      `The Ashby application is ${fetched.applicationStatus} now, not Hired; nothing was reimported`,
    );
  }
  const revertFields = input.revertFields ?? [];
  const notEdited = revertFields.filter((key) => !hire.editedFields.includes(key));
  if (notEdited.length > 0) {
    throw new AppError(
      'validation_failed',
      `Only fields a reviewer edited can be reverted: ${notEdited.join(', ')}`,
    );
  }
  const spec = await deps.mappingFor(hire.connectionId);
  const { connectionId, applicationId } = hire;
  const { outcome } = await saveImportedHire(deps, {
    ...importedHireOf({
      connectionId,
      applicationId,
      bundle: fetched.bundle,
      definitions: fetched.definitions,
      spec,
    }),
    revertFields,
  });
  const at = deps.clock.now();
  return deps.inbox.transaction(async (data) => {
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: revertFields.length > 0 ? 'new_hire.revert' : 'new_hire.reimport',
      targetType: 'new_hire',
      targetId: hire.id,
      details: revertFields.length > 0 ? { outcome, fields: [...revertFields] } : { outcome },
    });
    const newHire = await data.findNewHire(hire.id);
    if (!newHire) throw notFound('New hire');
    return { outcome, newHire };
  });
}
