import { notFound } from '../core/errors/app-error.js';
import type { MemberHistoryEntry } from '../core/model/member.js';
import { displayNameOf } from '../core/names/display-name.js';
import type { InboxStore } from '../core/ports/inbox-store.js';

/** A member's history with the names of the members it mentions (managers), so no one reads an id. */
export interface MemberHistory {
  readonly entries: MemberHistoryEntry[];
  /** Member id → the name the member goes by now; a member since deleted is left out. */
  readonly names: Readonly<Record<string, string>>;
}

/** What people changed on a member, newest first, with the names of the managers it names. */
export function memberHistory(
  deps: { readonly inbox: InboxStore },
  memberId: string,
): Promise<MemberHistory> {
  return deps.inbox.read(async (data) => {
    if (!(await data.findMember(memberId))) throw notFound('Member');
    const entries = await data.memberHistory(memberId);
    const ids = new Set<string>();
    for (const entry of entries) {
      const change = entry.changes['managerId'];
      for (const value of [change?.from, change?.to]) if (typeof value === 'string') ids.add(value);
    }
    const names: Record<string, string> = {};
    for (const id of ids) {
      const member = await data.findMember(id);
      if (member) names[id] = displayNameOf((key) => member.fields[key]) ?? 'Unnamed member';
    }
    return { entries, names };
  });
}
