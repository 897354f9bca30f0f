import { afterEach, describe, expect, it } from 'vitest';
import { pushDocument, pushedMember } from '../kit/testing/pushed-member.js';
import { rejection, testHttp } from '../kit/testing/test-http.js';
import { startHibobTarget, type HibobTarget } from '../../../test/support/hibob-target.js';

const targets: HibobTarget[] = [];
async function target(options: Parameters<typeof startHibobTarget>[0] = {}): Promise<HibobTarget> {
  const t = await startHibobTarget(options);
  targets.push(t);
  return t;
}
afterEach(async () => {
  await Promise.all(targets.splice(0).map((t) => t.close()));
});

const count = (t: HibobTarget, signature: string) =>
  t.fake.requests.filter((r) => `${r.method} ${r.path}`.startsWith(signature)).length;

describe('HiBob destination against the fake', () => {
  it('creates one employee with the fields, manager, department id, salary, documents and invite', async () => {
    const t = await target({ settings: { welcomeWizardId: 7 } });
    const member = pushedMember();
    expect(await t.destination.findPerson(member, null)).toBeNull();
    const result = await t.destination.createPerson(member);
    expect(result.warnings).toEqual([]);

    const matches = t.fake.employees().filter((e) => e.email === 'ada@example.org');
    expect(matches).toHaveLength(1);
    const ada = matches[0];
    const grace = t.fake.employeeByEmail('grace.hopper@example.com');
    expect(ada?.id).toBe(result.remoteId);
    expect(ada).toMatchObject({ firstName: 'Ada', surname: 'Lovelace', lifecycleStatus: 'hired' });
    expect(ada?.body).toMatchObject({ home: { privateEmail: 'ada@example.org' }, secondName: 'King' });
    expect(ada?.work).toMatchObject({
      effectiveDate: '2027-02-01',
      title: 'Engineer',
      department: '101',
      site: 'Berlin',
      reportsTo: { id: grace?.id },
    });
    expect(ada?.workEntries).toHaveLength(1);
    expect(ada?.salaries).toEqual([
      { base: { value: 85000, currency: 'EUR' }, payPeriod: 'Annual', effectiveDate: '2027-02-01' },
    ]);
    expect(ada?.documents.map((d) => [d.name, d.folder, d.contentType])).toEqual([
      ['offer.pdf', 'confidential', 'application/pdf'],
      ['ada-cv.pdf', 'shared', 'application/pdf'],
    ]);
    expect(ada?.documents[0]?.bytes.toString()).toBe('%PDF-1.4 doc-offer %%EOF');
    expect(ada?.invitations).toEqual([7]);
  });

  it('finds a person already there by email (inactive too) instead of creating one', async () => {
    const t = await target();
    const existing = t.fake.addEmployee({
      firstName: 'Ada',
      surname: 'Lovelace',
      email: 'ada@example.org',
      site: 'Berlin',
      startDate: '2019-01-01',
      lifecycleStatus: 'terminated',
    });
    expect(await t.destination.findPerson(pushedMember(), null)).toEqual({ remoteId: existing });
    expect(t.fake.employees().filter((e) => e.email === 'ada@example.org')).toHaveLength(1);
    expect(count(t, 'POST /v1/people/search')).toBe(1);
  });

  it('finds by the remote id kept from an earlier push when no email matches', async () => {
    const t = await target();
    const id = t.fake.addEmployee({
      firstName: 'Ada',
      surname: 'L',
      email: 'ada.old@company.example',
      site: 'Berlin',
      startDate: '2019-01-01',
    });
    expect(await t.destination.findPerson(pushedMember(), id)).toEqual({ remoteId: id });
    expect(await t.destination.findPerson(pushedMember(), '999')).toBeNull();
  });

  it('refuses a create the fake would refuse: a duplicate email is a permanent error with Bob key', async () => {
    const t = await target();
    await t.destination.createPerson(pushedMember());
    const err = await rejection(t.destination.createPerson(pushedMember()));
    expect(err.code).toBe('upstream_permanent');
    expect(err.message).toBe(
      'hibob people.create: HiBob refused the request (HTTP 400, EMPLOYEE_ALREADY_EXISTS)',
    );
    expect(err.message).not.toContain('ada@');
    expect(t.fake.employees().filter((e) => e.email === 'ada@example.org')).toHaveLength(1);
  });

  it('says which fields Bob needs before sending anything', async () => {
    const t = await target();
    const err = await rejection(t.destination.createPerson(pushedMember({ location: null })));
    expect(err.code).toBe('validation_failed');
    expect(err.message).toBe(
      'HiBob needs: work site (the member has no location and no default site is set)',
    );
    expect(count(t, 'POST /v1/people')).toBe(0);
  });

  it('reports a department with no list item after reloading the lists once, and still creates', async () => {
    const t = await target();
    const result = await t.destination.createPerson(pushedMember({ department: 'Research' }));
    expect(result.warnings).toEqual([
      'no HiBob list item for work.department in list "department": "Research"',
    ]);
    expect(t.fake.employeeByEmail('ada@example.org')?.work?.department).toBeUndefined();
    expect(count(t, 'GET /v1/company/named-lists')).toBe(2);
  });

  it('caches the named lists across pushes of the same tenant', async () => {
    const t = await target();
    await t.destination.createPerson(pushedMember());
    await t.destination.createPerson(
      pushedMember({ fields: { ...pushedMember().fields, personalEmail: 'bo@example.org' } }),
    );
    expect(count(t, 'GET /v1/company/named-lists')).toBe(1);
    expect(t.fake.employeeByEmail('bo@example.org')?.work?.department).toBe('101');
  });

  it('pushes without reportsTo and says so when the manager is not in Bob; uses a kept id otherwise', async () => {
    const t = await target();
    const unknown = { email: 'nobody@example.com', name: 'No Body', remoteId: null };
    const result = await t.destination.createPerson(pushedMember({ manager: unknown }));
    expect(result.warnings).toEqual(['manager not matched: nobody@example.com']);
    expect(t.fake.employeeByEmail('ada@example.org')?.work?.reportsTo).toBeUndefined();

    const grace = t.fake.employeeByEmail('grace.hopper@example.com');
    const byId = { email: 'grace@old-domain.example', name: 'Grace', remoteId: grace?.id ?? null };
    const member = pushedMember({
      manager: byId,
      fields: { ...pushedMember().fields, personalEmail: 'bo@example.org' },
    });
    expect((await t.destination.createPerson(member)).warnings).toEqual([]);
    expect(t.fake.employeeByEmail('bo@example.org')?.work?.reportsTo).toEqual({ id: grace?.id });
  });

  it('names the missing permission when the service user may not write salaries', async () => {
    const t = await target();
    const limited = t.fake.addServiceUser([
      'fields:read',
      'people:search',
      'people:create',
      'work:write',
      'lists:read',
      'docs:shared',
      'docs:confidential',
    ]);
    const err = await rejection(t.destinationWith(limited).createPerson(pushedMember()));
    expect(err.message).toBe(
      'hibob salaries.create: this service user lacks the permission People > Payroll > Salary (edit) (HTTP 403; an IP allowlist on the Bob account also answers 403)',
    );
    expect(err.details).toMatchObject({
      auth: true,
      status: 403,
      missing: ['People > Payroll > Salary (edit)'],
    });
    expect(err.retryable).toBe(false);
  });

  it('classifies a refused token as an auth refusal and never retries it', async () => {
    const t = await target();
    const wrong = t.destinationWith({ serviceUserId: t.fake.credentials.serviceUserId, token: 'wrong' });
    const err = await rejection(wrong.testConnection());
    expect(err.code).toBe('upstream_permanent');
    expect(err.details).toMatchObject({ auth: true, status: 401 });
    expect(err.message).toBe(
      'hibob fields: credentials refused (HTTP 401): check the service user ID and token',
    );
    expect(t.fake.requests).toHaveLength(1);
    await t.destination.testConnection();
  });

  it('honours Retry-After on a 429 and then succeeds', async () => {
    const t = await target();
    t.fake.failNext({ status: 429, retryAfterSeconds: 1 }, { match: 'POST /people/search' });
    expect(await t.destination.findPerson(pushedMember(), null)).toBeNull();
    const searches = t.fake.requests.filter((r) => r.path === '/v1/people/search');
    expect(searches.map((r) => r.status)).toEqual([429, 200]);
    expect((searches[1]?.at ?? 0) - (searches[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('enforces the write limit with 429 + Retry-After, which reaches the caller as rate_limited', async () => {
    const t = await target({ fake: { writesPerMinute: 2 } });
    const err = await rejection(t.destination.createPerson(pushedMember()));
    expect(err.code).toBe('rate_limited');
    expect(err.retryAfterMs).toBeGreaterThan(2000);
    expect(t.fake.requests.filter((r) => r.status === 429)).toHaveLength(1);
  });

  it('serialises writes at the configured pace instead of sending them in a clump', async () => {
    // 120 writes a minute = one token every 500 ms, burst 1: five writes span at least four intervals
    // after the first token. The bound leaves one interval for the first request's own delay on a busy box.
    const t = await target({ settings: { writesPerMinute: 120 } });
    await t.destination.createPerson(pushedMember());
    const writes = t.fake.requests.filter((r) => r.method === 'POST' && !r.path.endsWith('/search'));
    expect(writes).toHaveLength(5);
    expect((writes[4]?.at ?? 0) - (writes[0]?.at ?? 0)).toBeGreaterThanOrEqual(1500);
  });

  it('does not repeat a create after a 5xx or a timeout; the error is retryable for the queue', async () => {
    const t = await target();
    t.fake.failNext({ status: 503 }, { match: 'POST /people' });
    const err = await rejection(t.destination.createPerson(pushedMember()));
    expect(err.code).toBe('upstream_retryable');
    expect(count(t, 'POST /v1/people')).toBe(1);

    const quick = await target({ http: testHttp({ timeoutMs: 300 }) });
    quick.fake.failNext({ hangMs: 1000 }, { match: 'POST /people' });
    const timeout = await rejection(quick.destination.createPerson(pushedMember()));
    expect(timeout.code).toBe('upstream_retryable');
    expect(timeout.details).toMatchObject({ reason: 'timeout' });
    expect(count(quick, 'POST /v1/people')).toBe(1);
  });

  it('leaves out a document over the size limit with a warning, and a refused upload too', async () => {
    const t = await target();
    const big = pushDocument({ kind: 'resume', fileName: 'big.pdf', sizeBytes: 6 * 1024 * 1024 });
    const member = pushedMember({
      documents: [big, pushDocument({ kind: 'offer_letter', fileName: 'o.pdf' })],
    });
    t.fake.failNext({ status: 400 }, { match: 'POST /docs/' });
    const result = await t.destination.createPerson(member);
    expect(result.warnings).toEqual([
      "resume not sent: larger than HiBob's 5 MB limit for this folder",
      'offer letter not sent: HiBob refused it (HTTP 400)',
    ]);
    expect(t.fake.employeeByEmail('ada@example.org')?.documents).toEqual([]);
  });

  it('completes a person on update without duplicating salary or documents', async () => {
    const t = await target();
    const { remoteId } = await t.destination.createPerson(pushedMember());
    await t.destination.updatePerson(remoteId, pushedMember());
    await t.destination.updatePerson(remoteId, pushedMember());
    const ada = t.fake.employeeByEmail('ada@example.org');
    expect(ada?.salaries).toHaveLength(1);
    expect(ada?.documents).toHaveLength(2);
    expect(ada?.workEntries).toHaveLength(1);
    expect(t.fake.employees().filter((e) => e.email === 'ada@example.org')).toHaveLength(1);
  });
});
