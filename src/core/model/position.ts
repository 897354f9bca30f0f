/** Ashby's employment types (opening.create `employmentType`). */
export const EMPLOYMENT_TYPES = ['FullTime', 'PartTime', 'Intern', 'Contract', 'Temporary'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const POSITION_STATUSES = ['open', 'filled', 'closed'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];

/** A value of a position's custom field (kept as text: Ashby opening fields are created as String). */
export type PositionCustomFields = Readonly<Record<string, string>>;

/**
 * An open job in the directory (PRODUCT.md C10). HireBridge is its source of truth: a recruiting-active
 * open position is published to every Ashby connection with opening sync enabled.
 */
export interface Position {
  readonly id: string;
  readonly title: string;
  /** Department and location by name; the sync finds the Ashby team and location of that name. */
  readonly department: string | null;
  readonly location: string | null;
  readonly employmentType: EmploymentType;
  /** YYYY-MM-DD. */
  readonly targetHireDate: string | null;
  readonly targetStartDate: string | null;
  /** Whether recruiting is active: only recruiting open positions are published. */
  readonly recruiting: boolean;
  readonly requisitionId: string | null;
  readonly description: string;
  /** The Ashby job the opening belongs to (its jobIds), when one is chosen. */
  readonly ashbyJobId: string | null;
  readonly customFields: PositionCustomFields;
  readonly status: PositionStatus;
  readonly closeReason: string | null;
  /** The member hired into it (set when a hire into its opening is added to the directory). */
  readonly filledByMemberId: string | null;
  /** Bumped on every change; the sync pushes a position whose revision it has not pushed yet. */
  readonly revision: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The Ashby opening identifier of a position: namespaced so it cannot collide with anyone else's numbering. */
export const openingIdentifier = (positionId: string) => `HB-${positionId}`;
