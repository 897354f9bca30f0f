import type { EmploymentType } from '../model/position.js';
import type { PermissionCheck } from './ashby-gateway.js';

/** An Ashby opening, reduced to what the opening sync compares and changes. */
export interface AshbyOpening {
  readonly id: string;
  readonly identifier: string;
  /** Draft, Approved, Open, Closed or Filled. */
  readonly state: string;
  readonly description: string;
  readonly teamId: string | null;
  readonly locationIds: readonly string[];
  readonly jobIds: readonly string[];
  readonly targetHireDate: string | null;
  readonly targetStartDate: string | null;
  readonly employmentType: string | null;
  /** Current values by custom field id. */
  readonly customFieldValues: Readonly<Record<string, unknown>>;
}

/** The scalar part of an opening, which `opening.update` may change (jobs and locations have their own calls). */
export interface OpeningScalars {
  readonly identifier: string;
  readonly description: string;
  readonly teamId: string | null;
  readonly targetHireDate: string | null;
  readonly targetStartDate: string | null;
  readonly employmentType: EmploymentType;
}

export interface OpeningDraft extends OpeningScalars {
  readonly locationIds: readonly string[];
  readonly jobIds: readonly string[];
}

export interface NamedRef {
  readonly id: string;
  readonly name: string;
}

/** Ashby's teams, locations, jobs and close reasons, to turn a position's names into Ashby ids. */
export interface OpeningReferences {
  readonly teams: readonly NamedRef[];
  readonly locations: readonly NamedRef[];
  readonly jobIds: ReadonlySet<string>;
  readonly closeReasons: readonly NamedRef[];
}

/** What the opening sync asks of one Ashby account (the Ashby connector, bound to the connection's key). */
export interface AshbyOpenings {
  /**
   * The permissions opening sync needs, each probed without side effects: jobsWrite first, then the
   * reads; with `customFields`, also hiringProcessMetadataWrite (create fields) and candidatesWrite (set values).
   */
  checkPermissions(needs: { customFields: boolean }): Promise<readonly PermissionCheck[]>;
  /** opening.search by identifier; the first match (HireBridge's identifiers are unique), or null. */
  findByIdentifier(identifier: string): Promise<AshbyOpening | null>;
  create(draft: OpeningDraft, state: 'Approved'): Promise<AshbyOpening>;
  update(openingId: string, scalars: OpeningScalars): Promise<AshbyOpening>;
  editList(
    openingId: string,
    list: 'jobs' | 'locations',
    change: 'add' | 'remove',
    id: string,
  ): Promise<void>;
  close(openingId: string, closeReasonId: string): Promise<void>;
  references(): Promise<OpeningReferences>;
  /** Custom field definitions on openings (customField.list, objectType Opening). */
  openingFields(): Promise<readonly { id: string; title: string }[]>;
  /** customField.create {objectType: Opening_Version, fieldType: String}. */
  createOpeningField(title: string): Promise<{ id: string; title: string }>;
  /** customField.setValue on an opening (objectType Opening). */
  setFieldValue(openingId: string, fieldId: string, value: string): Promise<void>;
}
