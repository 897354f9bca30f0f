import { notFound } from '../core/errors/app-error.js';
import type { Member, MemberUpdate } from '../core/model/member.js';
import type { InboxStore } from '../core/ports/inbox-store.js';

/** The people directory, searched by name or email. */
export function listMembers(
  deps: { readonly inbox: InboxStore },
  filter: { query?: string; limit: number },
): Promise<Member[]> {
  return deps.inbox.read((data) => data.searchMembers(filter));
}

/** Pending Ashby changes per member id (only members that have some), in one read, for list badges. */
export function pendingMemberUpdates(
  deps: { readonly inbox: InboxStore },
  memberIds: readonly string[],
): Promise<ReadonlyMap<string, MemberUpdate[]>> {
  return deps.inbox.read(async (data) => {
    const pending = new Map<string, MemberUpdate[]>();
    for (const update of await data.pendingMemberUpdates(memberIds))
      pending.set(update.memberId, [...(pending.get(update.memberId) ?? []), update]);
    return pending;
  });
}

/** One member with every update Ashby proposed for it. */
export function getMember(
  deps: { readonly inbox: InboxStore },
  id: string,
): Promise<{ member: Member; updates: MemberUpdate[] }> {
  return deps.inbox.read(async (data) => {
    const member = await data.findMember(id);
    if (!member) throw notFound('Member');
    return { member, updates: await data.memberUpdates(id) };
  });
}
