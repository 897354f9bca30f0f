import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushDocument, pushedMember } from '../../../test/support/destination-target.js';
import { startPeopleforceTarget } from '../../../test/support/peopleforce-target.js';
import type { DestinationTarget } from '../../../test/support/destination-target.js';
import { rejection } from '../kit/testing/test-http.js';
import type { PeopleforceFake } from './fake/peopleforce-fake.js';

let target: DestinationTarget<PeopleforceFake>;
let fake: PeopleforceFake;

beforeEach(async () => {
  target = await startPeopleforceTarget();
  fake = target.fake;
  fake.state.addReference('positions', 'Engineer');
  fake.state.addReference('departments', 'Engineering');
  fake.state.addReference('locations', 'London');
  fake.state.addReference('document_folders', 'Contracts');
  fake.state.addReference('document_folders', 'Offer letter');
});
afterEach(() => target.close());

const posts = (path: RegExp) => fake.calls.filter((c) => c.method === 'POST' && path.test(c.path));

describe('PeopleForce destination over HTTP against the fake', () => {
  it('creates exactly one employee with position, manager, salary and documents', async () => {
    const manager = fake.state.addEmployee(
      { first_name: 'Grace', last_name: 'Hopper', email: 'grace@corp.example' },
      'employed',
    );
    const member = pushedMember({
      manager: { email: 'Grace@corp.example', name: 'Grace Hopper', remoteId: null },
      documents: [
        pushDocument(),
        pushDocument({ id: 'd2', kind: 'resume', category: 'Resumes', fileName: 'cv.pdf' }),
      ],
    });

    expect(await target.client.findPerson(member, null)).toBeNull();
    const result = await target.client.createPerson(member);

    expect(result.warnings).toEqual([]);
    expect(target.personCount()).toBe(2);
    const id = Number(result.remoteId);
    const employee = fake.state.employees.get(id);
    expect(employee).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@corp.example',
      personal_email: 'ada@home.example',
      mobile_number: '+44 20 7946 0000',
      hired_on: '2027-01-04',
      status: 'hired',
    });
    const [engineer, engineering, london] = [
      fake.state.reference.positions[0],
      fake.state.reference.departments[0],
      fake.state.reference.locations[0],
    ];
    expect(fake.state.positions.get(id)).toEqual([
      expect.objectContaining({
        effective_from: '2027-01-04',
        position_id: engineer?.id,
        department_id: engineering?.id,
        location_id: london?.id,
        reporting_to_id: manager.id,
      }),
    ]);
    expect(fake.state.salaries.get(id)).toEqual([
      expect.objectContaining({
        effective_on: '2027-01-04',
        amount: 90000,
        per: 'year',
        currency_code: 'EUR',
      }),
    ]);
    const docs = fake.state.documents.get(id) ?? [];
    expect(docs.map((d) => [d.fileName, d.folderId])).toEqual([
      ['offer.pdf', fake.state.reference.document_folders[1]?.id],
      // No "Resumes" folder: the first folder takes it (assumptions.ts).
      ['cv.pdf', fake.state.reference.document_folders[0]?.id],
    ]);
    expect(new TextDecoder().decode(docs[0]?.bytes)).toBe('%PDF-1.4 offer');

    // The next push finds the person instead of creating another.
    expect(await target.client.findPerson(member, null)).toEqual({ remoteId: result.remoteId });
  });

  it('creates the employee without reporting_to_id and warns when the manager is not there', async () => {
    const member = pushedMember({
      manager: { email: 'nobody@corp.example', name: 'No Body', remoteId: null },
    });
    const result = await target.client.createPerson(member);
    expect(result.warnings).toEqual(['manager not matched: nobody@corp.example']);
    const [position] = fake.state.positions.get(Number(result.remoteId)) ?? [];
    expect(position).toBeDefined();
    expect(position).not.toHaveProperty('reporting_to_id');
  });

  it('matches the manager by a remote id kept from an earlier push when the email finds nobody', async () => {
    const manager = fake.state.addEmployee({ first_name: 'Grace', last_name: 'Hopper' }, 'employed');
    const member = pushedMember({ manager: { email: null, name: 'Grace', remoteId: String(manager.id) } });
    const result = await target.client.createPerson(member);
    expect(result.warnings).toEqual([]);
    expect(fake.state.positions.get(Number(result.remoteId))?.[0]?.reporting_to_id).toBe(manager.id);
  });

  it('links to the existing employee when PeopleForce refuses the create as a duplicate email (422)', async () => {
    // Only the personal email matches, which the emails[] filter does not see (assumptions.ts): the
    // client finds the holder by scanning all employees.
    fake.pageSize = 2;
    for (let i = 0; i < 4; i++)
      fake.state.addEmployee({ first_name: 'P', last_name: String(i), email: `p${i}@corp.example` });
    const existingId = target.seedPerson('ada@home.example');

    const member = pushedMember();
    const result = await target.client.createPerson(member);

    expect(result.remoteId).toBe(existingId);
    expect(result.warnings).toEqual([expect.stringContaining('linked')]);
    expect(target.personCount()).toBe(5);
    expect(posts(/^\/api\/public\/v3\/employees$/).map((c) => c.status)).toEqual([422]);
    expect(posts(/positions|salaries/)).toEqual([]);
  });

  it('flags a possible rehire when the duplicate is a terminated employee', async () => {
    fake.state.addEmployee({ first_name: 'Ada', last_name: 'L', email: 'ada@corp.example' }, 'terminated');
    const result = await target.client.createPerson(pushedMember());
    expect(result.warnings).toContain('the linked employee is terminated in PeopleForce: possible rehire');
    expect(target.personCount()).toBe(1);
  });

  it('finds a person by work email, and by the remote id when the emails changed', async () => {
    const byWork = fake.state.addEmployee({ first_name: 'A', last_name: 'L', email: 'ADA@corp.example' });
    expect(await target.client.findPerson(pushedMember(), null)).toEqual({ remoteId: String(byWork.id) });
    const other = pushedMember({ fields: { firstName: 'X', lastName: 'Y', personalEmail: 'x@y.example' } });
    expect(await target.client.findPerson(other, String(byWork.id))).toEqual({ remoteId: String(byWork.id) });
    expect(await target.client.findPerson(other, '999999')).toBeNull();
  });

  it('reports a 403 on every call as a refused key or the IP allowlist', async () => {
    fake.faults.ipAllowlistBlocked = true;
    const err = await rejection(target.client.testConnection());
    expect(err.message).toBe(
      'peopleforce list employees: key refused, or this server’s address is not on the PeopleForce IP allowlist (HTTP 403)',
    );
    expect(err.code).toBe('upstream_permanent');
    expect(err.details).toMatchObject({ status: 403, auth: true });
    expect(err.retryable).toBe(false);
    const create = await rejection(target.client.createPerson(pushedMember()));
    expect(create.message).toContain('IP allowlist');
    expect(target.personCount()).toBe(0);
  });

  it('reports a wrong key as such (401), without retrying', async () => {
    target.failNext(401);
    const err = await rejection(target.client.testConnection());
    expect(err.message).toBe('peopleforce list employees: API key missing or invalid (HTTP 401)');
    expect(fake.calls).toHaveLength(1);
  });

  it('honours a 429 with Retry-After before sending the create again, and creates once', async () => {
    target.failNext(429);
    const result = await target.client.createPerson(pushedMember());
    const creates = posts(/^\/api\/public\/v3\/employees$/);
    expect(creates.map((c) => c.status)).toEqual([429, 200]);
    expect((creates[1]?.at ?? 0) - (creates[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(target.personCount()).toBe(1);
    expect(result.warnings).toEqual([]);
  });

  it('never re-sends a create after a 5xx: the error is retryable for the queue, which looks up first', async () => {
    target.failNext(503);
    const err = await rejection(target.client.createPerson(pushedMember()));
    expect(err.code).toBe('upstream_retryable');
    expect(posts(/employees$/)).toHaveLength(1);
    expect(target.personCount()).toBe(0);
  });

  it('keeps the employee and warns when a follow-up fails after the create', async () => {
    const member = pushedMember();
    fake.faults.failNextOn('POST', /\/positions$/, 500);
    const result = await target.client.createPerson(member);
    expect(result.warnings).toEqual([
      'position not sent: peopleforce create position: upstream answered HTTP 500',
    ]);
    expect(fake.state.salaries.get(Number(result.remoteId))).toHaveLength(1);
    expect(target.personCount()).toBe(1);
  });

  it('warns instead of pausing when the key may not write salaries (a restricted key, 403 after the create)', async () => {
    fake.faults.failNextOn('POST', /\/salaries$/, 403);
    const result = await target.client.createPerson(pushedMember());
    expect(result.warnings).toEqual([
      'salary not sent: the PeopleForce API key is not allowed to write it (HTTP 403)',
    ]);
    expect(fake.state.positions.get(Number(result.remoteId))).toHaveLength(1);
    expect(target.personCount()).toBe(1);
  });

  it('stops on a 401 after the create: the key was revoked mid-push', async () => {
    fake.faults.failNextOn('POST', /\/positions$/, 401);
    const err = await rejection(target.client.createPerson(pushedMember()));
    expect(err.details).toMatchObject({ status: 401, auth: true });
    expect(target.personCount()).toBe(1);
  });

  it('updates the employee’s own fields with PUT', async () => {
    const created = await target.client.createPerson(pushedMember());
    const result = await target.client.updatePerson(
      created.remoteId,
      pushedMember({ fields: { firstName: 'Augusta', lastName: 'King', personalEmail: 'ada@home.example' } }),
    );
    expect(result).toEqual({ remoteId: created.remoteId, warnings: [] });
    expect(fake.state.employees.get(Number(created.remoteId))).toMatchObject({
      first_name: 'Augusta',
      last_name: 'King',
    });
  });
});
