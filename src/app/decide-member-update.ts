import { AppError, notFound } from '../core/errors/app-error.js';
import type { Member } from '../core/model/member.js';
import type { Actor } from './actor.js';
import type { InboxDeps } from './inbox-deps.js';
import { queuePushes } from './queue-pushes.js';

/** Accepts (applies to the member) or rejects a change Ashby made after the member was added. */
export function decideMemberUpdate(
  deps: InboxDeps,
  input: { memberId: string; updateId: string; decision: 'accept' | 'reject'; actor: Actor },
): Promise<Member> {
  return deps.inbox.transaction(async (data) => {
    const member = await data.findMember(input.memberId);
    const update = await data.findMemberUpdate(input.updateId);
    if (!member || !update || update.memberId !== member.id) throw notFound('Member update');
    if (update.status !== 'pending')
      throw new AppError('conflict', `This update was already ${update.status}`);
    const at = deps.clock.now();
    let result = member;
    if (input.decision === 'accept') {
      const fields = { ...member.fields };
      for (const [key, change] of Object.entries(update.changes))
        fields[key] = change.to as Member['fields'][string];
      await data.updateMemberFields(member.id, fields, at);
      result = { ...member, fields, updatedAt: at };
      // Every destination that already has the person gets the change, committed with it.
      await queuePushes(data, member.id, await data.pushes.destinationsWithPerson(member.id), at);
    }
    await data.decideMemberUpdate(
      update.id,
      input.decision === 'accept' ? 'accepted' : 'rejected',
      input.actor,
      at,
    );
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: `member.update.${input.decision}`,
      targetType: 'member',
      targetId: member.id,
      details: { updateId: update.id, fields: Object.keys(update.changes) },
    });
    return result;
  });
}
