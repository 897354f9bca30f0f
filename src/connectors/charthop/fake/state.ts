import { randomBytes } from 'node:crypto';
import type { HireBody, JobBody, PersonBody } from '../schemas.js';

/**
 * What the ChartHop fake holds (hris-apis.md §5.2): people, jobs (seats, OPEN or FILLED, reporting job to
 * job) and the changes that fill them, plus person files. A HIRE into a filled job is refused.
 */
export interface FakePerson extends PersonBody {
  readonly id: string;
}

export interface FakeJob {
  readonly id: string;
  title: string;
  open: 'OPEN' | 'FILLED';
  department: { name: string } | null;
  personId: string | null;
  managerJobId: string | null;
  /** Custom fields, e.g. the HireBridge position link (assumptions.ts POSITION_FIELD). */
  fields: Record<string, string>;
}

export interface FakeChange extends HireBody {
  readonly id: string;
  readonly type: 'HIRE';
}

export interface FakeFile {
  readonly id: string;
  readonly personId: string;
  readonly fieldId: string;
  readonly sensitive: string | null;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** ChartHop ids look like Mongo ObjectIds (24 hex digits). */
const newId = () => randomBytes(12).toString('hex');

export class CharthopState {
  readonly persons = new Map<string, FakePerson>();
  readonly jobs = new Map<string, FakeJob>();
  readonly changes: FakeChange[] = [];
  readonly files: FakeFile[] = [];

  addPerson(body: PersonBody): FakePerson {
    const person = { ...body, id: newId() };
    this.persons.set(person.id, person);
    return person;
  }

  addJob(body: Omit<JobBody, 'open'> & { personId?: string; fields?: Record<string, string> }): FakeJob {
    const managerJobId = body.addRelationships?.find((r) => r.type === 'MANAGER')?.jobId ?? null;
    const job: FakeJob = {
      id: newId(),
      title: body.title,
      open: body.personId ? 'FILLED' : 'OPEN',
      department: body.department ?? null,
      personId: body.personId ?? null,
      managerJobId,
      fields: { ...body.fields },
    };
    this.jobs.set(job.id, job);
    return job;
  }

  /** Applies a HIRE; the answer is the change, or why it is refused. Same person, same job: the same change. */
  hire(body: HireBody): { change: FakeChange; created: boolean } | { refused: string } {
    const job = this.jobs.get(body.jobId);
    if (!job) return { refused: 'job not found' };
    if (!this.persons.has(body.personId)) return { refused: 'person not found' };
    const existing = this.changes.find((c) => c.jobId === body.jobId && c.personId === body.personId);
    if (existing) return { change: existing, created: false };
    if (job.open !== 'OPEN' || job.personId !== null) return { refused: 'job is already filled' };
    const held = [...this.jobs.values()].find((j) => j.personId === body.personId);
    if (held) return { refused: 'person already holds a job' };
    const change: FakeChange = { ...body, id: newId(), type: 'HIRE' };
    this.changes.push(change);
    job.open = 'FILLED';
    job.personId = body.personId;
    return { change, created: true };
  }
}

export function wirePerson(p: FakePerson) {
  return { id: p.id, name: p.name, contact: p.contact ?? {} };
}

export function wireJob(j: FakeJob) {
  return {
    id: j.id,
    title: j.title,
    open: j.open,
    department: j.department,
    personId: j.personId,
    fields: j.fields,
  };
}
