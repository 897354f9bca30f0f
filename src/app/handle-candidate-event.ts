import type { JobPayloads } from '../core/ports/job-queue.js';
import { purgeNewHire } from './delete-new-hire.js';
import type { InboxDeps } from './inbox-deps.js';

/** How Ashby appears in history and audit entries when it deleted or merged a candidate. */
export const ASHBY_ACTOR = 'ashby';

export type CandidateEvent = JobPayloads['ashby.candidate.event'];

/**
 * Ashby deleted or merged a candidate (the `ashby.candidate.event` job queued by the webhook intake).
 *
 * candidateDelete: a new hire still in review is purged (personal data, history, documents) and keeps a
 * tombstone, so a late import of its application does not bring it back. A member is not erased by a
 * webhook: an admin decides (an erasure request shows on the Overview and the member's page), since the
 * member may already be an employee whose records HireBridge must keep or hand on.
 *
 * candidateMerge: the new hires and members of the deleted id move to the surviving one, and the old id
 * is remembered, so a later event for either id finds the same new hire.
 *
 * Answers what was done, in words, for the job log (ids only).
 */
export function handleCandidateEvent(
  deps: Pick<InboxDeps, 'inbox' | 'clock' | 'ids'>,
  event: CandidateEvent,
): Promise<string> {
  return deps.inbox.transaction(async (data) => {
    const at = deps.clock.now();
    if (event.action === 'candidateMerge') {
      if (event.formerCandidateId === undefined || event.formerCandidateId === event.candidateId)
        return 'merge named no other candidate; nothing to re-link';
      const to = await data.erasure.survivingCandidate(event.connectionId, event.candidateId);
      await data.erasure.linkCandidate(event.connectionId, event.formerCandidateId, to, at);
      await data.audit({
        id: deps.ids.newId(),
        at,
        actor: ASHBY_ACTOR,
        action: 'ashby.candidate_merge',
        targetType: 'connection',
        targetId: event.connectionId,
        details: { from: event.formerCandidateId, to },
      });
      return `candidate ${event.formerCandidateId} re-linked to ${to}`;
    }
    const candidateId = await data.erasure.survivingCandidate(event.connectionId, event.candidateId);
    let purged = 0;
    for (const id of await data.erasure.newHireIdsOfCandidate(event.connectionId, candidateId)) {
      const hire = await data.findNewHire(id);
      if (hire?.status !== 'in_review') continue;
      await purgeNewHire(data, deps, hire, ASHBY_ACTOR, 'new_hire.purge');
      purged += 1;
    }
    let asked = 0;
    for (const memberId of await data.erasure.memberIdsOfCandidate(event.connectionId, candidateId)) {
      const created = await data.erasure.requestErasure({
        memberId,
        connectionId: event.connectionId,
        candidateId,
        requestedAt: at,
      });
      if (!created) continue;
      asked += 1;
      await data.audit({
        id: deps.ids.newId(),
        at,
        actor: ASHBY_ACTOR,
        action: 'member.erasure_requested',
        targetType: 'member',
        targetId: memberId,
        details: { candidateId },
      });
    }
    return `candidate ${candidateId} deleted in Ashby: ${purged} new hire(s) purged, ${asked} member(s) waiting for an admin to erase`;
  });
}
