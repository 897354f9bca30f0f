import { isAppError } from '../../core/errors/app-error.js';
import type { DestinationClient, PushedMember } from '../../core/ports/destination.js';
import {
  createJob,
  createPerson,
  getPerson,
  listJobs,
  listPersons,
  probe,
  syncHire,
  updatePerson,
  uploadPersonFile,
  type CharthopTransport,
} from './client.js';
import { POSITION_FIELD } from './assumptions.js';
import type { FieldRule } from '../kit/field-mapping.js';
import type { JobBody } from './schemas.js';
import { charthopSettingsSchema, type CharthopSettings } from './settings.js';
import {
  fileFieldFor,
  isOpen,
  matchManager,
  matchOpenJob,
  matchPerson,
  toHireBody,
  toJobBody,
  toPersonBody,
} from './to-person.js';

/**
 * The ChartHop destination: a hire fills a job (hris-apis.md §5). The person is created, then a HIRE
 * change puts them into the job linked to the member's position, else the open job with the same title
 * and department, else a new job under the manager's job. A person who exists but holds no job (a push
 * cut short after the person was created) gets the job on the next update, so a retried push heals.
 */
export function createCharthopDestination(
  t: CharthopTransport,
  settings: CharthopSettings = charthopSettingsSchema.parse({}),
): DestinationClient {
  const rules = settings.mapping;
  return {
    async testConnection(signal) {
      await probe(t, signal);
    },

    async findPerson(member, knownRemoteId, signal) {
      const found = matchPerson(await listPersons(t, signal), member);
      if (found) return { remoteId: found.id };
      if (knownRemoteId === null) return null;
      const byId = await getPerson(t, knownRemoteId, signal);
      return byId ? { remoteId: byId.id } : null;
    },

    async createPerson(member, signal) {
      const body = toPersonBody(member, rules);
      // Refuse before writing anything when the hire could not be recorded (no start date).
      toHireBody(member, 'check', 'check', rules);
      const warnings: string[] = [];
      const placement = await chooseJob(t, member, rules, warnings, signal);
      const personId = await createPerson(t, body, signal);
      await hire(t, member, rules, personId, placement, signal);
      await sendFiles(t, member, personId, warnings, signal);
      return { remoteId: personId, warnings };
    },

    async updatePerson(remoteId, member, signal) {
      await updatePerson(t, remoteId, toPersonBody(member, rules), signal);
      const jobs = await listJobs(t, signal);
      if (jobs.some((j) => j.personId === remoteId)) return { remoteId, warnings: [] };
      const warnings: string[] = [];
      const placement = await chooseJob(t, member, rules, warnings, signal);
      await hire(t, member, rules, remoteId, placement, signal);
      await sendFiles(t, member, remoteId, warnings, signal);
      return { remoteId, warnings };
    },
  };
}

type Placement = { readonly jobId: string } | { readonly create: JobBody };

async function chooseJob(
  t: CharthopTransport,
  member: PushedMember,
  rules: readonly FieldRule[],
  warnings: string[],
  signal?: AbortSignal,
): Promise<Placement> {
  const jobs = await listJobs(t, signal);
  if (member.positionId !== null) {
    const linked = jobs.find((j) => j.fields?.[POSITION_FIELD] === member.positionId);
    if (linked && isOpen(linked)) return { jobId: linked.id };
    warnings.push(
      linked
        ? 'the job linked to the position is already filled: matched by title and department instead'
        : 'the job linked to the position is not in ChartHop: matched by title and department instead',
    );
  }
  const open = matchOpenJob(jobs, member, rules);
  if (open) return { jobId: open.id };
  let managerJobId: string | null = null;
  if (member.manager) {
    const manager = matchManager(await listPersons(t, signal), member.manager);
    managerJobId = (manager && jobs.find((j) => j.personId === manager.id)?.id) ?? null;
    if (managerJobId === null) {
      const who = member.manager.email ?? member.manager.name ?? member.manager.remoteId ?? 'unknown';
      warnings.push(`manager not matched: ${who}`);
    }
  }
  return { create: toJobBody(member, managerJobId, rules) };
}

async function hire(
  t: CharthopTransport,
  member: PushedMember,
  rules: readonly FieldRule[],
  personId: string,
  placement: Placement,
  signal?: AbortSignal,
): Promise<void> {
  const jobId = 'jobId' in placement ? placement.jobId : await createJob(t, placement.create, signal);
  await syncHire(t, toHireBody(member, personId, jobId, rules), signal);
}

/** The offer letter and resume go to the person's file fields; each failure is a warning, not a stop. */
async function sendFiles(
  t: CharthopTransport,
  member: PushedMember,
  personId: string,
  warnings: string[],
  signal?: AbortSignal,
): Promise<void> {
  const skipped = member.documents.filter((d) => fileFieldFor(d) === null).length;
  if (skipped > 0)
    warnings.push(`${skipped} other file(s) not sent: ChartHop takes the offer letter and resume`);
  for (const doc of member.documents) {
    const fieldId = fileFieldFor(doc);
    if (fieldId === null) continue;
    try {
      const bytes = await doc.read();
      const file = { personId, fieldId, fileName: doc.fileName, contentType: doc.contentType, bytes };
      await uploadPersonFile(t, file, signal);
    } catch (err) {
      if (!isAppError(err) || err.details?.['reason'] === 'aborted') throw err;
      // The person and hire went through, so a 403 here is an app without file access, not a bad token.
      const status = err.details?.['status'];
      if (err.details?.['auth'] === true && status !== 403) throw err;
      warnings.push(
        status === 403
          ? `document ${doc.fileName} not sent: the ChartHop app may not upload person files (HTTP 403)`
          : `document ${doc.fileName} not sent: ${err.message}`,
      );
    }
  }
}
