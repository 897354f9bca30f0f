import type { MemberResponse } from '../../../../src/contract/inbox';
import { fullName } from './values';

/** A change Ashby made after the member was added, waiting for a decision (GET /api/v1/members/:id). */
export interface PendingUpdate {
  readonly id: string;
  readonly newHireId: string;
  readonly changes: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
  readonly status: 'pending' | 'accepted' | 'rejected';
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
}

/** The server's member answer: the contract's member plus its pending updates. */
export type MemberDetail = MemberResponse & { readonly pendingUpdates: readonly PendingUpdate[] };

export const UNNAMED_MEMBER = 'Unnamed member';

export function memberName(member: Pick<MemberResponse, 'fields'>): string {
  return fullName(member.fields['firstName'], member.fields['lastName'], UNNAMED_MEMBER);
}
