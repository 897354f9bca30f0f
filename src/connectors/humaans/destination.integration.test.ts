import { afterEach, describe, expect, it } from 'vitest';
import { pushedMember } from '../kit/testing/pushed-member.js';
import { rejection, testHttp } from '../kit/testing/test-http.js';
import { startHumaansTarget, type HumaansTarget } from '../../../test/support/humaans-target.js';

const targets: HumaansTarget[] = [];
async function target(options: Parameters<typeof startHumaansTarget>[0] = {}): Promise<HumaansTarget> {
  const t = await startHumaansTarget(options);
  targets.push(t);
  return t;
}
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

const LINK_WARNING =
  'documents sent as links to HireBridge (the Humaans API takes no file upload): they open while the link is valid';
const count = (t: HumaansTarget, signature: string) =>
  t.fake.requests.filter((r) => `${r.method} ${r.path}`.startsWith(signature)).length;

describe('Humaans destination against the fake', () => {
  it('creates one person with the fields, job role with manager, compensation and documents', async () => {
    const t = await target();
    const member = pushedMember();
    expect(await t.destination.findPerson(member, null)).toBeNull();
    const result = await t.destination.createPerson(member);
    expect(result.warnings).toEqual([LINK_WARNING]);

    const people = t.fake.people().filter((p) => p['personalEmail'] === 'ada@example.org');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      id: result.remoteId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      employmentStartDate: '2027-02-01',
      locationId: 'loc-berlin',
    });
    const grace = t.fake.personByEmail('grace.hopper@example.com');
    const rows = t.fake.rowsOf(result.remoteId);
    expect(rows.jobRoles).toEqual([
      expect.objectContaining({
        jobTitle: 'Engineer',
        department: 'Engineering',
        reportingTo: grace?.id,
        effectiveDate: '2027-02-01',
      }),
    ]);
    expect(rows.compensations).toEqual([
      expect.objectContaining({
        compensationTypeId: 'ct-salary',
        amount: '85000',
        currency: 'EUR',
        period: 'annual',
      }),
    ]);
    expect(rows.documents.map((d) => [d['name'], d['documentTypeId']])).toEqual([
      ['offer.pdf', 'dt-offer'],
      ['ada-cv.pdf', 'dt-resume'],
    ]);
  });

  it('finds a person already there by personal email and does not create another', async () => {
    const t = await target();
    const id = t.fake.addPerson({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@company.example',
      personalEmail: 'ada@example.org',
    });
    expect(await t.destination.findPerson(pushedMember(), null)).toEqual({ remoteId: id });
    expect(t.fake.people().filter((p) => p['personalEmail'] === 'ada@example.org')).toHaveLength(1);
  });

  it('still finds people when Humaans ignores the email filter, by paging through everyone', async () => {
    const t = await target({ fake: { ignoreFilters: true } });
    for (let i = 0; i < 300; i++) {
      t.fake.addPerson({ firstName: 'P', lastName: String(i), email: `p${i}@company.example` });
    }
    const id = t.fake.addPerson({ firstName: 'Ada', lastName: 'L', email: 'ada@example.org' });
    expect(await t.destination.findPerson(pushedMember(), null)).toEqual({ remoteId: id });
    expect(count(t, 'GET /api/people')).toBe(3);
  });

  it('finds by a kept remote id, and matches the manager by it when the email is unknown', async () => {
    const t = await target();
    const grace = t.fake.personByEmail('grace.hopper@example.com');
    expect(await t.destination.findPerson(pushedMember(), grace?.id ?? null)).toEqual({
      remoteId: grace?.id,
    });
    const member = pushedMember({
      manager: { email: 'g@old.example', name: 'Grace', remoteId: grace?.id ?? null },
    });
    const result = await t.destination.createPerson(member);
    expect(t.fake.rowsOf(result.remoteId).jobRoles[0]).toMatchObject({ reportingTo: grace?.id });
  });

  it('pushes without a manager and says so when the manager is not in Humaans', async () => {
    const t = await target();
    const result = await t.destination.createPerson(
      pushedMember({
        manager: { email: 'nobody@example.com', name: 'No Body', remoteId: null },
        documents: [],
      }),
    );
    expect(result.warnings).toEqual(['manager not matched: nobody@example.com']);
    expect(t.fake.rowsOf(result.remoteId).jobRoles[0]).not.toHaveProperty('reportingTo');
  });

  it('fails with the scope named when the token lacks compensations:write', async () => {
    const t = await target();
    const token = t.fake.addToken([
      'public:read',
      'private:read',
      'private:write',
      'compensations:read',
      'documents:read',
      'documents:write',
    ]);
    const err = await rejection(t.destinationWith(token).createPerson(pushedMember()));
    expect(err.message).toBe('humaans compensations.create: this token lacks compensations:write');
    expect(err.details).toMatchObject({ auth: true, status: 403, missing: ['compensations:write'] });
  });

  it('classifies a refused token as an auth refusal', async () => {
    const t = await target();
    const err = await rejection(t.destinationWith('not-a-token').testConnection());
    expect(err.code).toBe('upstream_permanent');
    expect(err.details).toMatchObject({ auth: true, status: 401 });
    expect(t.fake.requests).toHaveLength(1);
    await t.destination.testConnection();
  });

  it('answers a duplicate work email with a permanent error naming the field, not the person', async () => {
    const t = await target();
    await t.destination.createPerson(pushedMember());
    const err = await rejection(t.destination.createPerson(pushedMember()));
    expect(err.message).toBe(
      'humaans people.create: Humaans refused the request (HTTP 422, ValidationError; fields: email)',
    );
    expect(t.fake.people().filter((p) => p['email'] === 'ada@example.org')).toHaveLength(1);
  });

  it('honours Retry-After on a 429', async () => {
    const t = await target();
    t.fake.failNext({ status: 429, retryAfterSeconds: 1 }, { match: 'GET /people' });
    expect(await t.destination.findPerson(pushedMember(), null)).toBeNull();
    const first = t.fake.requests[0];
    const second = t.fake.requests[1];
    expect([first?.status, second?.status]).toEqual([429, 200]);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('enforces its rate limit with 429 + Retry-After', async () => {
    const t = await target({ fake: { requestsPerMinute: 2 } });
    const err = await rejection(t.destination.createPerson(pushedMember()));
    expect(err.code).toBe('rate_limited');
    expect(err.retryAfterMs).toBeGreaterThan(2000);
  });

  it('does not repeat a create after a 5xx or a timeout', async () => {
    const t = await target({ http: testHttp({ timeoutMs: 300 }) });
    t.fake.failNext({ status: 502 }, { match: 'POST /people' });
    expect((await rejection(t.destination.createPerson(pushedMember()))).code).toBe('upstream_retryable');
    t.fake.failNext({ hangMs: 1000 }, { match: 'POST /people' });
    const timeout = await rejection(t.destination.createPerson(pushedMember()));
    expect(timeout.details).toMatchObject({ reason: 'timeout' });
    expect(count(t, 'POST /api/people')).toBe(2);
  });

  it('turns a refused document into a warning and completes on update without duplicates', async () => {
    const t = await target();
    t.fake.failNext({ status: 422 }, { match: 'POST /documents' });
    const result = await t.destination.createPerson(pushedMember());
    expect(result.warnings).toEqual([LINK_WARNING, 'offer letter not sent: Humaans refused it (HTTP 422)']);
    expect(t.fake.rowsOf(result.remoteId).documents).toHaveLength(1);
    await t.destination.updatePerson(result.remoteId, pushedMember());
    await t.destination.updatePerson(result.remoteId, pushedMember());
    const rows = t.fake.rowsOf(result.remoteId);
    expect(rows.documents).toHaveLength(2);
    expect(rows.jobRoles).toHaveLength(1);
    expect(rows.compensations).toHaveLength(1);
  });
});
