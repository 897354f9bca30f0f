import { notFound } from '../core/errors/app-error.js';
import type { InboxDeps } from './inbox-deps.js';
import { memberLabel } from './add-member.js';
import { resolveManager } from './resolve-manager.js';

/** What the member page offers for a member without a manager in the directory. */
export type ManagerSuggestion =
  /** Nothing to offer: a manager is set, or no manager was named. */
  | { readonly status: 'none' }
  | {
      readonly status: 'matched';
      readonly memberId: string;
      readonly name: string;
      readonly by: 'email' | 'name';
    }
  | { readonly status: 'unmatched'; readonly reason: string };

/**
 * A member added while Ashby's "Reporting to" matched nobody keeps no manager; once that person joins the
 * directory, the same rule as at Add member (one member with the email, else exactly one with the name)
 * finds them, for a one-click match. Read only: setting the manager is an ordinary member edit.
 */
export function suggestManager(deps: Pick<InboxDeps, 'inbox'>, memberId: string): Promise<ManagerSuggestion> {
  return deps.inbox.read(async (data) => {
    const member = await data.findMember(memberId);
    if (!member) throw notFound('Member');
    if (member.managerId !== null) return { status: 'none' };
    const match = await resolveManager(data, member.fields['reportingTo'] ?? null);
    if (match.status !== 'matched') return match;
    if (match.memberId === member.id)
      return { status: 'unmatched', reason: 'the manager named is this member' };
    const manager = await data.findMember(match.memberId);
    if (!manager) return { status: 'unmatched', reason: 'no member has this email or name' };
    return { status: 'matched', memberId: manager.id, name: memberLabel(manager), by: match.by };
  });
}
