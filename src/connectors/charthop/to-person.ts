import { AppError } from '../../core/errors/app-error.js';
import type { FieldValue } from '../../core/model/field-value.js';
import type { PushDocument, PushedMember } from '../../core/ports/destination.js';
import { resolveValues, sectionBody, type FieldRule } from '../kit/field-mapping.js';
import { CHARTHOP_FIELD_PRESET } from './field-mapping.js';
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
 * choices made on ChartHop's data (which person is the member, which open job they fill), driven by the
 * field mapping (field-mapping.ts; `rules` defaults to the preset). No I/O.
 */

type Rules = readonly FieldRule[];

function text(value: FieldValue | null | undefined): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

const field = (member: PushedMember, key: string) => text(member.fields[key]);

/** The mapped value of one ChartHop target, as text (null when no rule gives it a value). */
function mapped(member: PushedMember, rules: Rules, target: string): string | null {
  const value = resolveValues(member, rules).get(target);
  return value === undefined ? null : text(value);
}

export function toPersonBody(member: PushedMember, rules: Rules = CHARTHOP_FIELD_PRESET): PersonBody {
  const body = sectionBody(resolveValues(member, rules), 'person') as Partial<PersonBody>;
  const first = text(body.name?.first);
  const last = text(body.name?.last);
  if (first === null || last === null) {
    throw new AppError('required_fields_missing', 'ChartHop needs a first and a last name', {
      details: {
        fields: [first === null ? 'firstName' : null, last === null ? 'lastName' : null].filter(Boolean),
      },
    });
  }
  return { ...body, name: { ...body.name, first, last } };
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

export const memberDepartment = (member: PushedMember, rules: Rules = CHARTHOP_FIELD_PRESET): string | null =>
  mapped(member, rules, 'job.department.name');

export const isOpen = (job: Job): boolean => job.open === JOB_OPEN && !job.personId;

/** The first open job whose title and department equal the member's (§ issue: "match exactly"). */
export function matchOpenJob(
  jobs: readonly Job[],
  member: PushedMember,
  rules: Rules = CHARTHOP_FIELD_PRESET,
): Job | null {
  const title = mapped(member, rules, 'job.title');
  if (title === null) return null;
  const department = memberDepartment(member, rules);
  return (
    jobs.find((j) => isOpen(j) && sameName(j.title, title) && sameName(j.department?.name, department)) ??
    null
  );
}

/** A new open job for the member, reporting to the manager's job when known. */
export function toJobBody(
  member: PushedMember,
  managerJobId: string | null,
  rules: Rules = CHARTHOP_FIELD_PRESET,
): JobBody {
  const title = mapped(member, rules, 'job.title');
  if (title === null) {
    throw new AppError('required_fields_missing', 'ChartHop needs a job title to create a job', {
      details: { fields: ['jobTitle'] },
    });
  }
  const department = memberDepartment(member, rules);
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
export function toHireBody(
  member: PushedMember,
  personId: string,
  jobId: string,
  rules: Rules = CHARTHOP_FIELD_PRESET,
): HireBody {
  const date = mapped(member, rules, 'hire.date');
  if (date === null) {
    throw new AppError('required_fields_missing', 'ChartHop needs a start date for the hire', {
      details: { fields: ['employmentStartDate'] },
    });
  }
  const amount = Number(mapped(member, rules, 'hire.comp.baseComp.pay.amount') ?? Number.NaN);
  const currency = mapped(member, rules, 'hire.comp.baseComp.pay.currency')?.toUpperCase() ?? null;
  const comp =
    Number.isFinite(amount) && currency !== null
      ? { comp: { baseComp: { interval: COMP_INTERVAL, pay: money(amount, currency) } } }
      : {};
  return { jobId, personId, date, note: 'Hired through HireBridge', ...comp };
}

/** The person file field a document goes to; null for documents ChartHop does not take (other files). */
export function fileFieldFor(doc: PushDocument): string | null {
  return doc.kind === 'offer_letter' || doc.kind === 'resume' ? FILE_FIELD_IDS[doc.kind] : null;
}
