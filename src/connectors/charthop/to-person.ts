import { AppError } from '../../core/errors/app-error.js';
import type { FieldValue } from '../../core/model/field-value.js';
import type { PushDocument, PushedMember } from '../../core/ports/destination.js';
import { COMP_INTERVAL, FILE_FIELD_IDS, JOB_OPEN, money, sameName } from './assumptions.js';
import {
  RELATIONSHIP_MANAGER,
  type HireBody,
  type Job,
  type JobBody,
  type Person,
  type PersonBody,
} from './schemas.js';

/**
 * Pure mapping from a pushed member to ChartHop's person, job and HIRE change (hris-apis.md §5.3), and the
 * choices made on ChartHop's data (which person is the member, which open job they fill). No I/O.
 */

/** One row of the preset field mapping: a HireBridge field and where ChartHop keeps it. */
export interface PresetRow {
  readonly field: string;
  readonly target: `person.${string}` | `job.${string}` | `hire.${string}`;
  readonly note?: string;
}

/** ChartHop's own ATS new-hire fields (§0: name, homeEmail, mobilePhone, startDate, base, currency). */
export const CHARTHOP_FIELD_PRESET: readonly PresetRow[] = [
  { field: 'firstName', target: 'person.name.first' },
  { field: 'middleName', target: 'person.name.middle' },
  { field: 'lastName', target: 'person.name.last' },
  { field: 'personalEmail', target: 'person.contact.homeEmail', note: 'ChartHop matches people on it first' },
  { field: 'workEmail', target: 'person.contact.workEmail' },
  { field: 'personalPhone', target: 'person.contact.mobilePhone' },
  {
    field: 'jobTitle',
    target: 'job.title',
    note: 'the open job with this title and department, else a new job',
  },
  { field: 'department', target: 'job.department.name' },
  { field: 'reportingTo', target: 'job.relationships.MANAGER', note: 'the manager’s job' },
  { field: 'employmentStartDate', target: 'hire.date' },
  { field: 'salaryAmount', target: 'hire.comp.baseComp.pay.amount', note: 'yearly' },
  { field: 'salaryCurrency', target: 'hire.comp.baseComp.pay.currency' },
];

function text(value: FieldValue | null | undefined): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

const field = (member: PushedMember, key: string) => text(member.fields[key]);

export function toPersonBody(member: PushedMember): PersonBody {
  const first = field(member, 'firstName');
  const last = field(member, 'lastName');
  if (first === null || last === null) {
    throw new AppError('required_fields_missing', 'ChartHop needs a first and a last name', {
      details: {
        fields: [first === null ? 'firstName' : null, last === null ? 'lastName' : null].filter(Boolean),
      },
    });
  }
  const middle = field(member, 'middleName');
  const contact = {
    ...optional('homeEmail', field(member, 'personalEmail')),
    ...optional('workEmail', field(member, 'workEmail')),
    ...optional('mobilePhone', field(member, 'personalPhone')),
  };
  return {
    name: { first, ...(middle === null ? {} : { middle }), last },
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
  };
}

function optional<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value === null ? {} : ({ [key]: value } as Record<K, string>);
}

const lower = (s: string | null | undefined) => s?.trim().toLowerCase() ?? null;

/**
 * The person ChartHop itself would match (§5.3 step 2): any member email against home emails first,
 * then against work emails.
 */
export function matchPerson(persons: readonly Person[], member: PushedMember): Person | null {
  const emails = [field(member, 'personalEmail'), field(member, 'workEmail')]
    .map(lower)
    .filter((e) => e !== null);
  if (emails.length === 0) return null;
  return (
    persons.find((p) => emails.includes(lower(p.contact?.homeEmail) ?? '')) ??
    persons.find((p) => emails.includes(lower(p.contact?.workEmail) ?? '')) ??
    null
  );
}

/** A manager's person: by email (home, then work), else by the remote id kept from an earlier push. */
export function matchManager(persons: readonly Person[], manager: PushedMember['manager']): Person | null {
  if (!manager) return null;
  const email = lower(manager.email);
  if (email) {
    const byEmail =
      persons.find((p) => lower(p.contact?.homeEmail) === email) ??
      persons.find((p) => lower(p.contact?.workEmail) === email);
    if (byEmail) return byEmail;
  }
  return manager.remoteId ? (persons.find((p) => p.id === manager.remoteId) ?? null) : null;
}

export const memberDepartment = (member: PushedMember): string | null =>
  text(member.department) ?? field(member, 'department');

export const isOpen = (job: Job): boolean => job.open === JOB_OPEN && !job.personId;

/** The first open job whose title and department equal the member's (§ issue: "match exactly"). */
export function matchOpenJob(jobs: readonly Job[], member: PushedMember): Job | null {
  const title = field(member, 'jobTitle');
  if (title === null) return null;
  const department = memberDepartment(member);
  return (
    jobs.find((j) => isOpen(j) && sameName(j.title, title) && sameName(j.department?.name, department)) ??
    null
  );
}

/** A new open job for the member, reporting to the manager's job when known. */
export function toJobBody(member: PushedMember, managerJobId: string | null): JobBody {
  const title = field(member, 'jobTitle');
  if (title === null) {
    throw new AppError('required_fields_missing', 'ChartHop needs a job title to create a job', {
      details: { fields: ['jobTitle'] },
    });
  }
  const department = memberDepartment(member);
  return {
    title,
    open: JOB_OPEN,
    ...(department === null ? {} : { department: { name: department } }),
    ...(managerJobId === null
      ? {}
      : { addRelationships: [{ jobId: managerJobId, type: RELATIONSHIP_MANAGER }] }),
  };
}

/** The HIRE change: the person into the job on the start date, with base pay when amount and currency are known. */
export function toHireBody(member: PushedMember, personId: string, jobId: string): HireBody {
  const date = field(member, 'employmentStartDate');
  if (date === null) {
    throw new AppError('required_fields_missing', 'ChartHop needs a start date for the hire', {
      details: { fields: ['employmentStartDate'] },
    });
  }
  const amount = member.fields['salaryAmount'];
  const currency = field(member, 'salaryCurrency')?.toUpperCase() ?? null;
  const comp =
    typeof amount === 'number' && currency !== null
      ? { comp: { baseComp: { interval: COMP_INTERVAL, pay: money(amount, currency) } } }
      : {};
  return { jobId, personId, date, note: 'Hired through HireBridge', ...comp };
}

/** The person file field a document goes to; null for documents ChartHop does not take (other files). */
export function fileFieldFor(doc: PushDocument): string | null {
  return doc.kind === 'offer_letter' || doc.kind === 'resume' ? FILE_FIELD_IDS[doc.kind] : null;
}
