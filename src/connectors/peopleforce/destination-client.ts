import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { DestinationClient, PushedMember, PushResult } from '../../core/ports/destination.js';
import { EMAILS_FILTER_MATCHES_PERSONAL_EMAIL, MAX_DOCUMENT_BYTES, MAX_SCAN_PAGES } from './assumptions.js';
import {
  createEmployee,
  createPosition,
  createSalary,
  getEmployee,
  listEmployees,
  listReference,
  updateEmployee,
  uploadDocument,
  type PeopleforceTransport,
} from './client.js';
import type { FieldRule } from '../kit/field-mapping.js';
import type { Employee } from './schemas.js';
import { peopleforceSettingsSchema, type PeopleforceSettings } from './settings.js';
import {
  documentFolderFor,
  employeeHasEmail,
  findByName,
  hasSalaryAmount,
  memberEmails,
  SALARY_NOT_SENT,
  positionNames,
  toEmployeeBody,
  toPositionBody,
  toSalaryBody,
} from './to-employee.js';

/**
 * The PeopleForce destination: look up by email (status=all, so hired-not-started and terminated people
 * count), create the employee, then position, salary and documents (hris-apis.md §4.2). A 422 on create is
 * PeopleForce's duplicate answer (§4.3): we look the holder up and link instead of failing.
 */
export function createPeopleforceDestination(
  t: PeopleforceTransport,
  settings: PeopleforceSettings = peopleforceSettingsSchema.parse({}),
): DestinationClient {
  const rules = settings.mapping;
  return {
    async testConnection(signal) {
      await listEmployees(t, [], 1, signal);
    },

    async findPerson(member, knownRemoteId, signal) {
      const found = await findByEmails(t, memberEmails(member), signal);
      if (found) return { remoteId: String(found.id) };
      const id = numericId(knownRemoteId);
      if (id === null) return null;
      const byId = await getEmployee(t, id, signal);
      return byId ? { remoteId: String(byId.id) } : null;
    },

    async createPerson(member, signal) {
      const outcome = await createEmployee(t, toEmployeeBody(member, rules), signal);
      if (outcome.kind === 'refused_as_duplicate') return linkDuplicate(t, member, signal);
      const warnings: string[] = [];
      const employeeId = outcome.employee.id;
      await step(warnings, 'position', () => sendPosition(t, employeeId, member, rules, warnings, signal));
      await step(warnings, 'salary', () => sendSalary(t, employeeId, member, rules, warnings, signal));
      await step(warnings, 'documents', () => sendDocuments(t, employeeId, member, warnings, signal));
      return { remoteId: String(employeeId), warnings };
    },

    async updatePerson(remoteId, member, signal) {
      const id = numericId(remoteId);
      if (id === null) {
        throw new AppError(
          'upstream_permanent',
          'peopleforce update employee: the remote id is not a PeopleForce id',
        );
      }
      await updateEmployee(t, id, toEmployeeBody(member, rules), signal);
      return { remoteId, warnings: [] };
    },
  };
}

function numericId(value: string | null): number | null {
  return value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** The employee holding the member's personal email, else work email; pages of the filter, bounded. */
async function findByEmails(
  t: PeopleforceTransport,
  emails: readonly string[],
  signal?: AbortSignal,
): Promise<Employee | null> {
  if (emails.length === 0) return null;
  const matches: Employee[] = [];
  for (let page = 1, pages = 1; page <= Math.min(pages, MAX_SCAN_PAGES); page++) {
    const result = await listEmployees(t, emails, page, signal);
    matches.push(...result.employees.filter((e) => employeeHasEmail(e, emails)));
    pages = result.pages;
    if (result.employees.length === 0) break;
  }
  return pickByEmailOrder(matches, emails);
}

/** Emails are in priority order (personal first): the first email anyone holds decides. */
function pickByEmailOrder(employees: readonly Employee[], emails: readonly string[]): Employee | null {
  for (const email of emails) {
    const hit = employees.find((e) => employeeHasEmail(e, [email]));
    if (hit) return hit;
  }
  return null;
}

/** Every employee, page by page, until one holds an email; for filters that miss personal emails. */
async function scanAll(t: PeopleforceTransport, emails: readonly string[], signal?: AbortSignal) {
  const matches: Employee[] = [];
  for (let page = 1, pages = 1; page <= Math.min(pages, MAX_SCAN_PAGES); page++) {
    const result = await listEmployees(t, [], page, signal);
    matches.push(...result.employees.filter((e) => employeeHasEmail(e, emails)));
    pages = result.pages;
    if (result.employees.length === 0) break;
  }
  return pickByEmailOrder(matches, emails);
}

async function linkDuplicate(
  t: PeopleforceTransport,
  member: PushedMember,
  signal?: AbortSignal,
): Promise<PushResult> {
  const emails = memberEmails(member);
  const existing =
    (await findByEmails(t, emails, signal)) ??
    (EMAILS_FILTER_MATCHES_PERSONAL_EMAIL ? null : await scanAll(t, emails, signal));
  if (!existing) {
    // Work email, personal email and personal phone must be unique (§4.3): the phone is the one left.
    throw new AppError(
      'upstream_permanent',
      'peopleforce create employee: refused as a duplicate (HTTP 422), but no employee has these emails; another employee may have the same personal phone',
      { details: { endpoint: 'peopleforce create employee', status: 422 } },
    );
  }
  const warnings = ['already in PeopleForce with the same email: linked to that employee, nothing else sent'];
  // A terminated employee with the same email is most likely a rehire, which a person should look at
  // (hris-apis.md §8, "Duplicate employees on rehire").
  if (existing.status === 'terminated')
    warnings.push('the linked employee is terminated in PeopleForce: possible rehire');
  return { remoteId: String(existing.id), warnings };
}

/**
 * Runs one follow-up of a create. The employee exists by now, so a failure becomes a warning on the push
 * instead of an error that would lose the link. A 403 here cannot be the IP allowlist (the create just
 * went through): it is a key restricted from this part (§4.1, e.g. no compensation access). A 401 or an
 * abort still stops everything; the next push links by email.
 */
async function step(warnings: string[], what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (!isAppError(err) || err.details?.['reason'] === 'aborted') throw err;
    if (err.details?.['auth'] === true) {
      if (err.details['status'] !== 403) throw err;
      warnings.push(`${what} not sent: the PeopleForce API key is not allowed to write it (HTTP 403)`);
      return;
    }
    warnings.push(`${what} not sent: ${err.message}`);
  }
}

async function sendPosition(
  t: PeopleforceTransport,
  employeeId: number,
  member: PushedMember,
  rules: readonly FieldRule[],
  warnings: string[],
  signal?: AbortSignal,
): Promise<void> {
  const names = positionNames(member, rules);
  const [positions, departments, locations] = await Promise.all([
    names.jobTitle === null ? [] : listReference(t, 'positions', signal),
    names.department === null ? [] : listReference(t, 'departments', signal),
    names.location === null ? [] : listReference(t, 'locations', signal),
  ]);
  const position = findByName(positions, names.jobTitle);
  const department = findByName(departments, names.department);
  const location = findByName(locations, names.location);
  if (names.jobTitle !== null && !position) warnings.push(`position not matched: ${names.jobTitle}`);
  if (names.department !== null && !department) warnings.push(`department not matched: ${names.department}`);
  if (names.location !== null && !location) warnings.push(`location not matched: ${names.location}`);
  const reportingToId = await resolveManager(t, member, warnings, signal);
  const body = toPositionBody(member, {
    positionId: position?.id ?? null,
    departmentId: department?.id ?? null,
    locationId: location?.id ?? null,
    reportingToId,
  });
  if (body === null) {
    warnings.push('position not sent: no start date');
    return;
  }
  await createPosition(t, employeeId, body, signal);
}

/** The manager's employee id: by email, else by the remote id kept from an earlier push. */
async function resolveManager(
  t: PeopleforceTransport,
  member: PushedMember,
  warnings: string[],
  signal?: AbortSignal,
): Promise<number | null> {
  const manager = member.manager;
  if (!manager) return null;
  const email = manager.email?.trim().toLowerCase() ?? null;
  if (email) {
    const found = await findByEmails(t, [email], signal);
    if (found) return found.id;
  }
  const id = numericId(manager.remoteId);
  if (id !== null && (await getEmployee(t, id, signal))) return id;
  warnings.push(`manager not matched: ${manager.email ?? manager.name ?? manager.remoteId ?? 'unknown'}`);
  return null;
}

async function sendSalary(
  t: PeopleforceTransport,
  employeeId: number,
  member: PushedMember,
  rules: readonly FieldRule[],
  warnings: string[],
  signal?: AbortSignal,
): Promise<void> {
  const body = toSalaryBody(member, rules);
  if (body === null) {
    if (hasSalaryAmount(member, rules)) warnings.push(SALARY_NOT_SENT);
    return;
  }
  await createSalary(t, employeeId, body, signal);
}

async function sendDocuments(
  t: PeopleforceTransport,
  employeeId: number,
  member: PushedMember,
  warnings: string[],
  signal?: AbortSignal,
): Promise<void> {
  if (member.documents.length === 0) return;
  const folders = await listReference(t, 'document_folders', signal);
  for (const doc of member.documents) {
    const folder = documentFolderFor(folders, doc.category);
    if (!folder) {
      warnings.push(`document not sent: ${doc.fileName} (PeopleForce has no document folder)`);
      continue;
    }
    if (doc.sizeBytes > MAX_DOCUMENT_BYTES) {
      warnings.push(
        `document not sent: ${doc.fileName} (larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB)`,
      );
      continue;
    }
    // One document failing does not keep the others back.
    await step(warnings, `document ${doc.fileName}`, async () => {
      const bytes = await doc.read();
      const upload = {
        folderId: folder.id,
        name: doc.fileName,
        fileName: doc.fileName,
        contentType: doc.contentType,
        bytes,
      };
      await uploadDocument(t, employeeId, upload, signal);
    });
  }
}
