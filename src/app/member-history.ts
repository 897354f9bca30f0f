import { notFound } from '../core/errors/app-error.js';
import type { MemberHistoryEntry } from '../core/model/member.js';
import type { InboxStore } from '../core/ports/inbox-store.js';

/** What people changed on a member, newest first. */
export function memberHistory(
  deps: { readonly inbox: InboxStore },
  memberId: string,
): Promise<MemberHistoryEntry[]> {
  return deps.inbox.read(async (data) => {
    if (!(await data.findMember(memberId))) throw notFound('Member');
    return data.memberHistory(memberId);
  });
}
