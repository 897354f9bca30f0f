import { AppError } from '../../core/errors/app-error.js';
import type { FieldValue } from '../../core/model/field-value.js';
import type { PushedMember } from '../../core/ports/destination.js';
import { DOCUMENT_FOLDER_FALLBACK, SALARY_PERIOD } from './assumptions.js';
import type { Employee, EmployeeBody, NamedItem, PositionBody, SalaryBody } from './schemas.js';

/**
 * Pure mapping from a pushed member to PeopleForce's request bodies (hris-apis.md §4.2). No I/O: names
 * that PeopleForce keeps as ids (position, department, location, manager) are resolved by the caller and
 * passed in.
 */

/** One row of the preset field mapping: a HireBridge field and where PeopleForce keeps it. */
export interface PresetRow {
  /** HireBridge field key (core/model/new-hire-fields.ts, or `workEmail`). */
  readonly field: string;
  /** The PeopleForce request and key it lands in. */
  readonly target: `employee.${keyof EmployeeBody}` | `position.${string}` | `salary.${string}`;
  /** How the value gets there, for the admin's preview. */
  readonly note?: string;
}

/** The default mapping HireBridge offers for PeopleForce; the framework shows it for mapping and preview. */
export const PEOPLEFORCE_FIELD_PRESET: readonly PresetRow[] = [
  { field: 'firstName', target: 'employee.first_name' },
  { field: 'middleName', target: 'employee.middle_name' },
  { field: 'lastName', target: 'employee.last_name' },
  { field: 'workEmail', target: 'employee.email' },
  { field: 'personalEmail', target: 'employee.personal_email' },
  { field: 'personalPhone', target: 'employee.mobile_number' },
  { field: 'employmentStartDate', target: 'employee.hired_on' },
  { field: 'jobTitle', target: 'position.position_id', note: 'the position with this exact name' },
  { field: 'department', target: 'position.department_id', note: 'the department with this exact name' },
  { field: 'location', target: 'position.location_id', note: 'the location with this exact name' },
  { field: 'reportingTo', target: 'position.reporting_to_id', note: 'the employee with the manager’s email' },
  { field: 'salaryAmount', target: 'salary.amount', note: `per ${SALARY_PERIOD}` },
  { field: 'salaryCurrency', target: 'salary.currency_code' },
];

export function text(value: FieldValue | null | undefined): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

function field(member: PushedMember, key: string): string | null {
  return text(member.fields[key]);
}

/** The member's emails, personal first (HireBridge's own key), lower-cased and without repeats. */
export function memberEmails(member: PushedMember): string[] {
  const emails = [field(member, 'personalEmail'), field(member, 'workEmail')]
    .filter((e): e is string => e !== null)
    .map((e) => e.toLowerCase());
  return [...new Set(emails)];
}

/** Whether a PeopleForce employee holds one of these (lower-cased) emails, work or personal. */
export function employeeHasEmail(employee: Employee, emails: readonly string[]): boolean {
  return [employee.email, employee.personal_email].some(
    (e) => typeof e === 'string' && emails.includes(e.trim().toLowerCase()),
  );
}

/** The `POST /employees` body; throws when first or last name is empty (PeopleForce requires both). */
export function toEmployeeBody(member: PushedMember): EmployeeBody {
  const values: Partial<Record<keyof EmployeeBody, string>> = {};
  for (const row of PEOPLEFORCE_FIELD_PRESET) {
    if (!row.target.startsWith('employee.')) continue;
    const value = field(member, row.field);
    if (value !== null) values[row.target.slice('employee.'.length) as keyof EmployeeBody] = value;
  }
  const { first_name, last_name, ...rest } = values;
  if (!first_name || !last_name) {
    const missing = [first_name ? null : 'firstName', last_name ? null : 'lastName'].filter(Boolean);
    throw new AppError('required_fields_missing', 'PeopleForce needs a first and a last name', {
      details: { fields: missing },
    });
  }
  return { first_name, last_name, ...rest };
}

/** The names the position refers to, to be resolved to PeopleForce ids. */
export function positionNames(member: PushedMember): {
  jobTitle: string | null;
  department: string | null;
  location: string | null;
} {
  return {
    jobTitle: field(member, 'jobTitle'),
    department: text(member.department) ?? field(member, 'department'),
    location: text(member.location) ?? field(member, 'location'),
  };
}

/** The item whose name equals `name` (trimmed, case-insensitive); null when none or no name. */
export function findByName(items: readonly NamedItem[], name: string | null): NamedItem | null {
  if (name === null) return null;
  const wanted = name.trim().toLowerCase();
  return items.find((i) => i.name.trim().toLowerCase() === wanted) ?? null;
}

export interface ResolvedIds {
  readonly positionId: number | null;
  readonly departmentId: number | null;
  readonly locationId: number | null;
  readonly reportingToId: number | null;
}

/** The position body, effective from the start date; null without a start date (required). */
export function toPositionBody(member: PushedMember, ids: ResolvedIds): PositionBody | null {
  const start = field(member, 'employmentStartDate');
  if (start === null) return null;
  return {
    effective_from: start,
    ...(ids.positionId === null ? {} : { position_id: ids.positionId }),
    ...(ids.departmentId === null ? {} : { department_id: ids.departmentId }),
    ...(ids.locationId === null ? {} : { location_id: ids.locationId }),
    ...(ids.reportingToId === null ? {} : { reporting_to_id: ids.reportingToId }),
  };
}

/** The salary body; null unless amount, currency and start date are all known. */
export function toSalaryBody(member: PushedMember): SalaryBody | null {
  const amount = member.fields['salaryAmount'];
  const currency = field(member, 'salaryCurrency');
  const start = field(member, 'employmentStartDate');
  if (typeof amount !== 'number' || currency === null || start === null) return null;
  return { effective_on: start, amount, per: SALARY_PERIOD, currency_code: currency.toUpperCase() };
}

/** The folder a document goes to: same name as its HireBridge category, else the fallback. */
export function documentFolderFor(folders: readonly NamedItem[], category: string): NamedItem | null {
  const named = findByName(folders, category);
  if (named) return named;
  return DOCUMENT_FOLDER_FALLBACK === 'first' ? (folders[0] ?? null) : null;
}
