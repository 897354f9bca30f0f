import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAshbyClient } from './client.js';
import { fetchHire, fetchHireIfHired } from './fetch-hire.js';
import { createAshbyReader, type AshbyReader } from './reader.js';
import { ASHBY_PERMISSIONS } from './schemas.js';
import { fail, raw, startStubAshby, type StubAshby } from './testing/stub-ashby.js';
import { testHttp } from '../kit/testing/test-http.js';
import {
  wireApplication,
  wireCandidate,
  wireDefinition,
  wireDepartment,
  wireJob,
  wireLocation,
  wireOffer,
  wireUser,
} from './testing/wire-builders.js';

const KEY = 'hire-key';
let stub: StubAshby;
let reader: AshbyReader;
let now = 0;

beforeAll(async () => {
  stub = await startStubAshby(KEY, ASHBY_PERMISSIONS);
});
afterAll(() => stub.close());
beforeEach(() => {
  now = 0;
  stub.reset();
  stub.routes = {
    'application.info': () => wireApplication(),
    'candidate.info': () => wireCandidate(),
    'offer.list': () =>
      raw({
        success: true,
        moreDataAvailable: false,
        results: [
          wireOffer({ id: 'offer-old', decidedAt: '2025-12-01T00:00:00.000Z' }),
          wireOffer({ id: 'offer-declined', acceptanceStatus: 'Declined' }),
          wireOffer(),
        ],
      }),
    'job.info': () => wireJob(),
    'department.info': () => wireDepartment(),
    'location.info': () => wireLocation(),
    'user.info': () => wireUser(),
    'customField.list': () => raw({ success: true, results: [wireDefinition()], moreDataAvailable: false }),
  };
  reader = createAshbyReader(createAshbyClient({ http: testHttp(), apiUrl: stub.url, apiKey: KEY }), {
    clock: { now: () => now },
    ttlMs: 300_000,
  });
});

describe('fetchHire', () => {
  it('builds the bundle from plain data and reports the status', async () => {
    const { bundle, definitions, status } = await fetchHire(reader, { applicationId: 'app-1' });
    expect(bundle.application).toEqual({
      id: 'app-1',
      status: 'Hired',
      createdAt: '2026-01-15T10:00:00.000Z',
      updatedAt: '2026-01-15T10:00:00.000Z',
      customFields: [{ id: 'cf-app', title: 'Referral', isPrivate: false, value: true, valueLabel: null }],
    });
    expect(bundle.candidate).toMatchObject({
      name: 'Ada Lovelace',
      primaryPhoneNumber: null,
      customFields: [{ value: { value: 90000, currencyCode: 'EUR' } }],
    });
    expect(bundle.offer).toMatchObject({
      id: 'offer-1',
      latestVersion: { startDate: '2026-03-01T00:00:00.000Z', salary: { value: 85000, currencyCode: 'EUR' } },
    });
    expect(bundle.offer?.latestVersion.customFields[0]?.value).toEqual({
      type: 'compensation-range',
      minValue: 1,
      maxValue: 2,
      currencyCode: 'EUR',
      interval: '1 YEAR',
    });
    expect(bundle.job).toEqual({
      id: 'job-1',
      title: 'Engineer',
      employmentType: 'FullTime',
      customFields: [],
    });
    expect(bundle.department).toEqual({ id: 'dep-1', name: 'Engineering' });
    expect(bundle.location).toEqual({ id: 'loc-1', name: 'Berlin' });
    expect(bundle.hiringManager).toEqual({
      userId: 'user-1',
      firstName: 'Hana',
      lastName: 'Manager',
      email: 'hana@example.com',
    });
    expect(definitions).toEqual([
      {
        id: 'cf-app',
        title: 'Referral',
        objectType: 'Application',
        fieldType: 'Boolean',
        isArchived: false,
        selectableValues: null,
      },
    ]);
    expect(status).toEqual({
      applicationStatus: 'Hired',
      hired: true,
      offerSource: 'offer.list',
      missing: [],
    });
    // Nothing beyond the core types leaks in (the wire objects are loose and keep unknown keys).
    expect(JSON.stringify(bundle)).not.toMatch(/profileUrl|tags|formDefinition/);
  });

  it('makes 7 calls cold, 3 warm, 2 warm with the webhook offer, in two sequential steps', async () => {
    stub.routes['department.list'] = () =>
      raw({ success: true, results: [wireDepartment('dep-0'), wireDepartment()], moreDataAvailable: false });
    stub.routes['location.list'] = () =>
      raw({ success: true, results: [wireLocation()], moreDataAvailable: false });
    await fetchHire(reader, { applicationId: 'app-1' });
    expect(stub.calls()).toEqual({
      'application.info': 1,
      'candidate.info': 1,
      'offer.list': 1,
      'job.info': 1,
      'department.list': 1,
      'location.list': 1,
      'customField.list': 1,
    });
    const [first, ...rest] = stub.upstream.requests;
    expect(first!.path).toBe('/application.info');
    expect(rest).toHaveLength(6);

    // Warm: the job, departments, locations and definitions come from the reader's caches.
    stub.reset();
    const warm = await fetchHire(reader, { applicationId: 'app-1' });
    expect(stub.totalCalls()).toBe(3);
    expect(warm.bundle.department).toEqual({ id: 'dep-1', name: 'Engineering' });

    stub.reset();
    const { status } = await fetchHire(reader, { applicationId: 'app-1', offerFromWebhook: wireOffer() });
    expect(stub.totalCalls()).toBe(2);
    expect(stub.calls()['offer.list']).toBeUndefined();
    expect(status.offerSource).toBe('webhook');

    now = 300_001; // caches expire
    stub.reset();
    await fetchHire(reader, { applicationId: 'app-1' });
    expect(stub.totalCalls()).toBe(7);
  });

  it('reads a department or location the list lacks (or a list it cannot read) with *.info, once', async () => {
    stub.routes['department.list'] = () =>
      raw({ success: true, results: [wireDepartment('dep-0')], moreDataAvailable: false });
    await fetchHire(reader, { applicationId: 'app-1' });
    await fetchHire(reader, { applicationId: 'app-1' });
    // location.list is not served by the stub: its failure is kept for the TTL, not retried per hire.
    expect(stub.calls()).toMatchObject({
      'department.list': 1,
      'department.info': 1,
      'location.list': 1,
      'location.info': 1,
    });
  });

  it('ignores a webhook offer that is not this application’s accepted offer', async () => {
    await fetchHire(reader, {
      applicationId: 'app-1',
      offerFromWebhook: wireOffer({ acceptanceStatus: 'Pending' }),
    });
    expect(stub.calls()['offer.list']).toBe(1);
    stub.reset();
    await fetchHire(reader, {
      applicationId: 'app-1',
      offerFromWebhook: wireOffer({ applicationId: 'other' }),
    });
    expect(stub.calls()['offer.list']).toBe(1);
  });

  it('shares cache misses between concurrent hires', async () => {
    await Promise.all([1, 2, 3].map(() => fetchHire(reader, { applicationId: 'app-1' })));
    expect(stub.calls()).toMatchObject({
      'application.info': 3,
      'department.info': 1,
      'location.info': 1,
      'customField.list': 1,
    });
  });

  it('falls back to the job’s hiring manager, and calls user.info only to fill gaps', async () => {
    stub.routes['application.info'] = () => wireApplication({ hiringTeam: [] });
    stub.routes['job.info'] = () =>
      wireJob({
        hiringTeam: [
          { userId: 'user-1', firstName: 'Hana', lastName: 'Manager', email: '', role: 'Hiring Manager' },
        ],
      });
    const { bundle } = await fetchHire(reader, { applicationId: 'app-1' });
    expect(bundle.hiringManager).toEqual({
      userId: 'user-1',
      firstName: 'Hana',
      lastName: 'Manager',
      email: 'hana@example.com',
    });
    expect(stub.calls()['user.info']).toBe(1);
  });

  it('leaves gone or absent parts null and says so', async () => {
    stub.routes['application.info'] = () =>
      wireApplication({
        job: { id: 'job-1', title: 'E', departmentId: 'dep-gone', locationId: null },
        hiringTeam: [],
      });
    stub.routes['department.info'] = () => fail('department_not_found');
    stub.routes['offer.list'] = () => raw({ success: true, results: [], moreDataAvailable: false });
    const { bundle, status } = await fetchHire(reader, { applicationId: 'app-1' });
    expect(bundle).toMatchObject({ offer: null, department: null, location: null, hiringManager: null });
    expect(status).toMatchObject({
      offerSource: 'none',
      missing: ['offer', 'department', 'location', 'hiringManager'],
    });
  });

  it('propagates the application not being found and missing permissions as classified errors', async () => {
    stub.routes['application.info'] = () => fail('application_not_found');
    await expect(fetchHire(reader, { applicationId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    stub.routes['application.info'] = () => wireApplication();
    stub.permissions.delete('offersRead');
    await expect(fetchHire(reader, { applicationId: 'app-1' })).rejects.toMatchObject({
      code: 'permission_missing',
      details: { missing: ['offersRead'] },
    });
    stub.permissions = new Set(ASHBY_PERMISSIONS);
  });

  it('reports an application that is no longer hired', async () => {
    stub.routes['application.info'] = () => wireApplication({ status: 'Archived' });
    const { status } = await fetchHire(reader, { applicationId: 'app-1' });
    expect(status).toMatchObject({ applicationStatus: 'Archived', hired: false });
  });

  it('fetchHireIfHired stops after application.info when the application is not hired', async () => {
    stub.routes['application.info'] = () => wireApplication({ status: 'Active' });
    expect(await fetchHireIfHired(reader, { applicationId: 'app-1' })).toEqual({
      kind: 'not_hired',
      applicationStatus: 'Active',
    });
    expect(stub.calls()).toEqual({ 'application.info': 1 });
    stub.routes['application.info'] = () => wireApplication();
    const hired = await fetchHireIfHired(reader, { applicationId: 'app-1' });
    expect(hired.kind === 'hired' && hired.hire.bundle.offer?.id).toBe('offer-1');
  });
});
