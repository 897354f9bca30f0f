import { AppError } from '../../core/errors/app-error.js';
import type { FieldValue } from '../../core/model/field-value.js';
import type { PushedMember } from '../../core/ports/destination.js';
import { resolveValues, sectionBody, type FieldRule } from '../kit/field-mapping.js';
import { PEOPLEFORCE_FIELD_PRESET } from './field-mapping.js';
import { DOCUMENT_FOLDER_FALLBACK, SALARY_PERIOD } from './assumptions.js';
import type { Employee, EmployeeBody, NamedItem, PositionBody, SalaryBody } from './schemas.js';

/**
 * Pure mapping from a pushed member to PeopleForce's request bodies (hris-apis.md §4.2), driven by the
 * field mapping (field-mapping.ts; `rules` defaults to the preset). No I/O: names that PeopleForce keeps
 * as ids (position, department, location, manager) are resolved by the caller and passed in.
 */

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

type Rules = readonly FieldRule[];

/** The `POST /employees` body; throws when first or last name is empty (PeopleForce requires both). */
export function toEmployeeBody(member: PushedMember, rules: Rules = PEOPLEFORCE_FIELD_PRESET): EmployeeBody {
  const values = Object.fromEntries(
    Object.entries(sectionBody(resolveValues(member, rules), 'employee')).map(([k, v]) => [k, String(v)]),
  );
  const { first_name, last_name, ...rest } = values;
  if (!first_name || !last_name) {
    const missing = [first_name ? null : 'firstName', last_name ? null : 'lastName'].filter(Boolean);
    throw new AppError('required_fields_missing', 'PeopleForce needs a first and a last name', {
      details: { fields: missing },
    });
  }
  return { first_name, last_name, ...rest };
}

/** The names the position refers to (through the mapping), to be resolved to PeopleForce ids. */
export function positionNames(
  member: PushedMember,
  rules: Rules = PEOPLEFORCE_FIELD_PRESET,
): {
  jobTitle: string | null;
  department: string | null;
  location: string | null;
} {
  const values = resolveValues(member, rules);
  const name = (target: string) => {
    const value = values.get(target);
    return value === undefined ? null : String(value);
  };
  return {
    jobTitle: name('position.position_id'),
    department: name('position.department_id'),
    location: name('position.location_id'),
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

/** The salary body (through the mapping); null unless amount, currency and start date are all known. */
export function toSalaryBody(
  member: PushedMember,
  rules: Rules = PEOPLEFORCE_FIELD_PRESET,
): SalaryBody | null {
  const values = resolveValues(member, rules);
  const amount = Number(values.get('salary.amount') ?? Number.NaN);
  const currency = values.get('salary.currency_code');
  const start = field(member, 'employmentStartDate');
  if (!Number.isFinite(amount) || currency === undefined || start === null) return null;
  return { effective_on: start, amount, per: SALARY_PERIOD, currency_code: String(currency).toUpperCase() };
}

export const SALARY_NOT_SENT = 'salary not sent: no currency or start date';

/** Whether the mapping gives the member a salary amount (a salary left out is then worth a warning). */
export function hasSalaryAmount(member: PushedMember, rules: Rules = PEOPLEFORCE_FIELD_PRESET): boolean {
  return resolveValues(member, rules).has('salary.amount');
}

/** The folder a document goes to: same name as its HireBridge category, else the fallback. */
export function documentFolderFor(folders: readonly NamedItem[], category: string): NamedItem | null {
  const named = findByName(folders, category);
  if (named) return named;
  return DOCUMENT_FOLDER_FALLBACK === 'first' ? (folders[0] ?? null) : null;
}
