import type { PersonRef } from '../core/model/field-value.js';
import type { Member } from '../core/model/member.js';
import { nameKey } from '../core/names/name-key.js';
import type { InboxData } from '../core/ports/inbox-store.js';

export type ManagerMatch =
  | { readonly status: 'none' }
  | { readonly status: 'matched'; readonly memberId: string; readonly by: 'email' | 'name' }
  /** A manager is named but no single member fits: shown as unmatched, never guessed. */
  | { readonly status: 'unmatched'; readonly reason: string };

function isPerson(value: unknown): value is PersonRef {
  return typeof value === 'object' && value !== null && typeof (value as PersonRef).name === 'string';
}

/**
 * Resolves "Reporting to" to a member: by email first (the stable key), then by normalised full name
 * when exactly one member has it. Two members with the same name, or none, leave it unmatched.
 */
export async function resolveManager(
  data: Pick<InboxData, 'findMembersByIdentity' | 'findMembersByNameKey'>,
  value: unknown,
): Promise<ManagerMatch> {
  if (!isPerson(value)) return { status: 'none' };
  if (value.email) {
    const byEmail = await data.findMembersByIdentity({ candidateId: null, emails: [value.email] });
    if (byEmail.length === 1 && byEmail[0])
      return { status: 'matched', memberId: byEmail[0].id, by: 'email' };
  }
  const byName: Member[] = await data.findMembersByNameKey(nameKey(value.name));
  if (byName.length === 1 && byName[0]) return { status: 'matched', memberId: byName[0].id, by: 'name' };
  return {
    status: 'unmatched',
    reason:
      byName.length > 1
        ? 'several members have this name; set the manager by email'
        : 'no member has this email or name',
  };
}
