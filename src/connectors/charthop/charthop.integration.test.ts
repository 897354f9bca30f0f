import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCharthopTarget } from '../../../test/support/charthop-target.js';
import {
  pushDocument,
  pushedMember,
  type DestinationTarget,
} from '../../../test/support/destination-target.js';
import { rejection } from '../kit/testing/test-http.js';
import { POSITION_FIELD } from './assumptions.js';
import type { CharthopFake } from './fake/charthop-fake.js';

let target: DestinationTarget<CharthopFake>;
let fake: CharthopFake;

beforeEach(async () => {
  target = await startCharthopTarget();
  fake = target.fake;
});
afterEach(() => target.close());

/** A manager holding the Head of Engineering job. */
function seedManager() {
  const person = fake.state.addPerson({
    name: { first: 'Grace', last: 'Hopper' },
    contact: { workEmail: 'grace@corp.example' },
  });
  const job = fake.state.addJob({
    title: 'Head of Engineering',
    department: { name: 'Engineering' },
    personId: person.id,
  });
  return { person, job };
}

const jobsOf = (personId: string) => [...fake.state.jobs.values()].filter((j) => j.personId === personId);

describe('ChartHop destination over HTTP against the fake', () => {
  it('creates one person and fills the open job with the same title and department', async () => {
    const { person: manager } = seedManager();
    fake.state.addJob({ title: 'Engineer', department: { name: 'Sales' } });
    const open = fake.state.addJob({ title: 'Engineer', department: { name: 'Engineering' } });
    const member = pushedMember({
      manager: { email: 'grace@corp.example', name: 'Grace Hopper', remoteId: null },
      documents: [
        pushDocument(),
        pushDocument({ id: 'd2', kind: 'resume', fileName: 'cv.pdf', text: 'resume bytes' }),
        pushDocument({ id: 'd3', kind: 'candidate_file', fileName: 'portfolio.pdf' }),
      ],
    });

    expect(await target.client.findPerson(member, null)).toBeNull();
    const result = await target.client.createPerson(member);

    expect(result.warnings).toEqual(['1 other file(s) not sent: ChartHop takes the offer letter and resume']);
    expect(target.personCount()).toBe(2);
    const person = fake.state.persons.get(result.remoteId);
    expect(person).toMatchObject({
      name: { first: 'Ada', last: 'Lovelace' },
      contact: {
        homeEmail: 'ada@home.example',
        workEmail: 'ada@corp.example',
        mobilePhone: '+44 20 7946 0000',
      },
    });
    expect(open).toMatchObject({ open: 'FILLED', personId: result.remoteId });
    expect(jobsOf(result.remoteId)).toEqual([open]);
    expect(jobsOf(manager.id)).toHaveLength(1);
    expect(fake.state.changes).toEqual([
      expect.objectContaining({
        type: 'HIRE',
        jobId: open.id,
        personId: result.remoteId,
        date: '2027-01-04',
        comp: { baseComp: { interval: 'YEARLY', pay: { amount: 90000, currency: 'EUR' } } },
      }),
    ]);
    expect(fake.state.files.map((f) => [f.personId, f.fieldId, f.fileName, f.sensitive])).toEqual([
      [result.remoteId, 'offerLetter', 'offer.pdf', 'PERSONAL'],
      [result.remoteId, 'resume', 'cv.pdf', 'PERSONAL'],
    ]);
    expect(new TextDecoder().decode(fake.state.files[1]?.bytes)).toBe('resume bytes');
    expect(await target.client.findPerson(member, null)).toEqual({ remoteId: result.remoteId });
  });

  it('gives a second member for the same title a new job under the manager’s job, never a double-filled one', async () => {
    const { job: managerJob } = seedManager();
    const open = fake.state.addJob({ title: 'Engineer', department: { name: 'Engineering' } });
    const manager = { email: 'grace@corp.example', name: 'Grace Hopper', remoteId: null };
    const first = await target.client.createPerson(pushedMember({ manager }));
    const second = await target.client.createPerson(
      pushedMember({
        memberId: 'mem-2',
        manager,
        fields: {
          firstName: 'Alan',
          lastName: 'Turing',
          personalEmail: 'alan@home.example',
          jobTitle: 'Engineer',
          employmentStartDate: '2027-02-01',
        },
      }),
    );

    expect(second.warnings).toEqual([]);
    expect(jobsOf(first.remoteId)).toEqual([open]);
    const [newJob] = jobsOf(second.remoteId);
    expect(newJob).toMatchObject({
      title: 'Engineer',
      department: { name: 'Engineering' },
      open: 'FILLED',
      managerJobId: managerJob.id,
    });
    expect(newJob?.id).not.toBe(open.id);
    expect(fake.state.changes.map((c) => c.jobId)).toEqual([open.id, newJob?.id]);
    // No salary on the second member: the hire carries no comp.
    expect(fake.state.changes[1]).not.toHaveProperty('comp');
  });

  it('creates the new job without a manager and warns when the manager is not in ChartHop', async () => {
    const result = await target.client.createPerson(
      pushedMember({ manager: { email: 'nobody@corp.example', name: 'No Body', remoteId: null } }),
    );
    expect(result.warnings).toEqual(['manager not matched: nobody@corp.example']);
    expect(jobsOf(result.remoteId)).toEqual([
      expect.objectContaining({ title: 'Engineer', managerJobId: null }),
    ]);
  });

  it('fills the job linked to the member’s position before any title match', async () => {
    fake.state.addJob({ title: 'Engineer', department: { name: 'Engineering' } });
    const linked = fake.state.addJob({
      title: 'Software Engineer II',
      department: { name: 'Platform' },
      fields: { [POSITION_FIELD]: 'position-1' },
    });
    const result = await target.client.createPerson(pushedMember({ positionId: 'position-1' }));
    expect(result.warnings).toEqual([]);
    expect(jobsOf(result.remoteId)).toEqual([linked]);
  });

  it('falls back to the title match, with a warning, when the linked job is already filled', async () => {
    const holder = fake.state.addPerson({ name: { first: 'Someone', last: 'Else' } });
    const linked = fake.state.addJob({
      title: 'Engineer',
      department: { name: 'Engineering' },
      personId: holder.id,
      fields: { [POSITION_FIELD]: 'position-1' },
    });
    const open = fake.state.addJob({ title: 'Engineer', department: { name: 'Engineering' } });
    const result = await target.client.createPerson(pushedMember({ positionId: 'position-1' }));
    expect(result.warnings).toEqual([expect.stringContaining('already filled')]);
    expect(jobsOf(result.remoteId)).toEqual([open]);
    expect(linked.personId).toBe(holder.id);
  });

  it('links a person found by home email instead of creating one; home email wins over work email', async () => {
    const byWork = fake.state.addPerson({
      name: { first: 'W', last: 'W' },
      contact: { workEmail: 'ada@home.example' },
    });
    const byHome = fake.state.addPerson({
      name: { first: 'H', last: 'H' },
      contact: { homeEmail: 'ADA@corp.example' },
    });
    const member = pushedMember();
    expect(await target.client.findPerson(member, null)).toEqual({ remoteId: byHome.id });
    fake.state.persons.delete(byHome.id);
    expect(await target.client.findPerson(member, null)).toEqual({ remoteId: byWork.id });
    expect(target.personCount()).toBe(1);
  });

  it('pages through people to find the match, and falls back to the known remote id', async () => {
    fake.maxPageSize = 2;
    for (let i = 0; i < 5; i++) target.seedPerson(`p${i}@home.example`);
    const last = target.seedPerson('ada@home.example');
    expect(await target.client.findPerson(pushedMember(), null)).toEqual({ remoteId: last });
    const stranger = pushedMember({
      fields: { firstName: 'X', lastName: 'Y', personalEmail: 'x@y.example' },
    });
    expect(await target.client.findPerson(stranger, last)).toEqual({ remoteId: last });
    expect(await target.client.findPerson(stranger, 'aaaaaaaaaaaaaaaaaaaaaaaa')).toBeNull();
  });

  it('puts an existing person without a job into the job on update (a push cut short heals)', async () => {
    const open = fake.state.addJob({ title: 'Engineer', department: { name: 'Engineering' } });
    const id = target.seedPerson('ada@home.example');
    const result = await target.client.updatePerson(id, pushedMember());
    expect(result).toEqual({ remoteId: id, warnings: [] });
    expect(open.personId).toBe(id);
    expect(fake.state.persons.get(id)?.name).toEqual({ first: 'Ada', last: 'Lovelace' });
    // A second update changes the person only: no second hire.
    await target.client.updatePerson(id, pushedMember());
    expect(fake.state.changes).toHaveLength(1);
  });

  it('the fake refuses a hire into a filled job', async () => {
    const holder = target.seedPerson('holder@home.example');
    const other = target.seedPerson('other@home.example');
    const job = fake.state.addJob({ title: 'Engineer', personId: holder });
    const res = await fetch(`${fake.url}/v1/org/${fake.orgId}/change/sync/hire`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jobId: job.id, personId: other, date: '2027-01-04' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: 'job is already filled' });
    expect(job.personId).toBe(holder);
  });

  it('honours a 429 with Retry-After on the create and creates once', async () => {
    fake.faults.failNextOn('POST', /^v2\/person$/, 429, 1);
    const result = await target.client.createPerson(pushedMember());
    const creates = fake.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/person'));
    expect(creates.map((c) => c.status)).toEqual([429, 201]);
    expect((creates[1]?.at ?? 0) - (creates[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(target.personCount()).toBe(1);
    expect(jobsOf(result.remoteId)).toHaveLength(1);
  });

  it('reports a 202 snapshot build as retryable with a wait', async () => {
    fake.faults.failNext(202);
    const err = await rejection(target.client.findPerson(pushedMember(), null));
    expect(err.code).toBe('upstream_retryable');
    expect(err.retryAfterMs).toBe(5000);
  });

  it('names a refused token (401) and a token without access to the org (403), without retrying', async () => {
    target.failNext(401);
    const unauthorized = await rejection(target.client.testConnection());
    expect(unauthorized.message).toBe('charthop list persons: API token missing or invalid (HTTP 401)');
    target.failNext(403);
    const forbidden = await rejection(target.client.testConnection());
    expect(forbidden.message).toContain('token refused for this organization');
    expect(forbidden.details).toMatchObject({ auth: true });
    expect(fake.calls).toHaveLength(2);
  });

  it('warns about a file the app may not upload (403 after the hire) and sends the rest', async () => {
    fake.faults.failNextOn('POST', /^v1\/file$/, 403);
    const docs = [pushDocument(), pushDocument({ id: 'd2', kind: 'resume', fileName: 'cv.pdf' })];
    const result = await target.client.createPerson(pushedMember({ documents: docs }));
    expect(result.warnings).toEqual([
      'document offer.pdf not sent: the ChartHop app may not upload person files (HTTP 403)',
    ]);
    expect(fake.state.files.map((f) => f.fieldId)).toEqual(['resume']);
    expect(fake.state.changes).toHaveLength(1);
  });

  it('never re-sends the person create after a 5xx, and creates nothing', async () => {
    fake.faults.failNextOn('POST', /^v2\/person$/, 503);
    const err = await rejection(target.client.createPerson(pushedMember()));
    expect(err.code).toBe('upstream_retryable');
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(target.personCount()).toBe(0);
  });
});
