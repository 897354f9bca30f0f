import type { FieldValue } from './field-value.js';
import type { FieldChanges } from './new-hire.js';

export type OrgUnitKind = 'department' | 'location';

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  readonly ashbyId: string | null;
}

/** A person in HireBridge's own people directory. */
export interface Member {
  readonly id: string;
  /** Values by field key: the canonical new-hire fields, `workEmail`, and custom fields. */
  readonly fields: Readonly<Record<string, FieldValue | null>>;
  readonly department: OrgUnit | null;
  readonly location: OrgUnit | null;
  readonly managerId: string | null;
  readonly ashby: {
    readonly connectionId: string;
    readonly candidateId: string;
    readonly applicationId: string;
  } | null;
  readonly newHireId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A change Ashby made after the member was added, waiting for a person to accept or reject it. */
export interface MemberUpdate {
  readonly id: string;
  readonly memberId: string;
  readonly newHireId: string;
  readonly changes: FieldChanges;
  readonly status: 'pending' | 'accepted' | 'rejected';
  readonly createdAt: number;
  readonly decidedAt: number | null;
  readonly decidedBy: string | null;
}

export interface AuditEntry {
  readonly id: string;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  /** Ids, field names and counts only; never personal values. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** One change people made to a member in the directory (an edit, archive, offboard, reactivation). */
export interface MemberHistoryEntry {
  readonly id: string;
  readonly memberId: string;
  readonly at: number;
  readonly actor: string;
  readonly kind: 'edited' | 'archived' | 'offboarded' | 'reactivated';
  readonly changes: FieldChanges;
}
