import { UnknownRecordError } from './actions.js';
import type { SimulatorCore } from './core.js';

/**
 * Ashby deleting and merging candidates (ashby-api.md §2.5, §2.7): the records change as Ashby's would,
 * then the candidateDelete `{candidate: {id}}` or candidateMerge `{deletedCandidate: {id},
 * mergedCandidate: {id}}` webhook goes out, signed like every other.
 */
export function deleteCandidate(core: SimulatorCore, candidateId: string): { webhookActionId: string } {
  if (!core.state.candidates.delete(candidateId)) throw new UnknownRecordError('candidate', candidateId);
  for (const [id, app] of core.state.applications)
    if (app.candidateId === candidateId) core.state.applications.delete(id);
  const webhookActionId = core.webhooks.fanOut(
    [{ action: 'candidateDelete', data: { candidate: { id: candidateId } } }],
    core.state.webhooks.values(),
  );
  return { webhookActionId };
}

/** Merges `deletedId` into `mergedId`: its applications move to the surviving candidate. */
export function mergeCandidates(
  core: SimulatorCore,
  deletedId: string,
  mergedId: string,
): { webhookActionId: string } {
  if (!core.state.candidates.has(mergedId)) throw new UnknownRecordError('candidate', mergedId);
  if (!core.state.candidates.delete(deletedId)) throw new UnknownRecordError('candidate', deletedId);
  for (const app of core.state.applications.values()) {
    if (app.candidateId !== deletedId) continue;
    app.candidateId = mergedId;
    core.state.touch(app.id);
  }
  const webhookActionId = core.webhooks.fanOut(
    [
      {
        action: 'candidateMerge',
        data: { deletedCandidate: { id: deletedId }, mergedCandidate: { id: mergedId } },
      },
    ],
    core.state.webhooks.values(),
  );
  return { webhookActionId };
}
