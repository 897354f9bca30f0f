import type { ZodType } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyInfoSchema,
  applicationInfoSchema,
  ashbyErrorEnvelopeSchema,
  candidateSchema,
  customFieldDefinitionSchema,
  departmentSchema,
  fileInfoSchema,
  jobSchema,
  locationSchema,
  offerListItemSchema,
  offerSchema,
  paginatedSchema,
  successEnvelopeSchema,
  userSchema,
} from '../schemas.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from './sample-fixture.js';
import { loadScenarioFile } from './scenario-loader.js';
import type { Scenario } from './scenario-schema.js';
import { startAshbySimulator, type AshbySimulator } from './simulator.js';
import { httpCall } from './test-support.js';

describe('Ashby simulator: endpoints, envelopes and business errors (sample company)', () => {
  let sim: AshbySimulator;
  let scenario: Scenario;
  const call = (endpoint: string, body: unknown, options: Parameters<typeof httpCall>[2] = {}) =>
    httpCall(`${sim.url}/${endpoint}`, body, { key: SAMPLE_KEYS.full, ...options });
  const ok = async <T>(endpoint: string, body: unknown, results: ZodType<T>) => {
    const res = await call(endpoint, body);
    expect(res.status).toBe(200);
    return successEnvelopeSchema(results).parse(res.json).results;
  };
  const businessError = async (
    endpoint: string,
    body: unknown,
    options: Parameters<typeof httpCall>[2] = {},
  ) => {
    const res = await call(endpoint, body, options);
    expect(res.status).toBe(200);
    const envelope = ashbyErrorEnvelopeSchema.parse(res.json);
    expect(envelope.errorInfo?.requestId).toBe(res.headers['x-ashby-request-id']);
    expect(envelope.errors).toEqual([envelope.errorInfo?.code]);
    return envelope.errorInfo?.code;
  };
  const appOf = (name: string, status?: string) => {
    const candidate = scenario.candidates.find((c) => c.name === name);
    const app = scenario.applications.find(
      (a) => a.candidateId === candidate?.id && (status === undefined || a.status === status),
    );
    if (!candidate || !app) throw new Error(`no application for ${name}`);
    return { candidate, app };
  };

  beforeAll(async () => {
    scenario = await loadScenarioFile(SAMPLE_COMPANY_PATH);
    sim = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('apiKey.info lists scopes in module:verb form', async () => {
    const info = await ok('apiKey.info', {}, apiKeyInfoSchema);
    expect(info.title).toBe('HireBridge');
    expect(info.scopes).toContain('candidates:read');
    expect(info.scopes).toContain('offers:read');
  });

  it('application.info {applicationId} serves the application with history and resume handle', async () => {
    const { app, candidate } = appOf('Anna-Lena van der Berg');
    const result = await ok('application.info', { applicationId: app.id }, applicationInfoSchema);
    expect(result.status).toBe('Hired');
    expect(result.currentInterviewStage?.type).toBe('Hired');
    expect(result.candidate).toMatchObject({ id: candidate.id, name: 'Anna-Lena van der Berg' });
    expect(result.candidate.primaryEmailAddress?.type).toBe('Personal');
    expect(result.resumeFileHandle?.name).toBe('Anna-Lena van der Berg - CV.pdf');
    expect(result.applicationHistory?.map((h) => h.title)).toEqual([
      'Application Review',
      'Phone Screen',
      'Onsite',
      'Offer',
      'Hired',
    ]);
    expect(result.hiringTeam.find((m) => m.role === 'Hiring Manager')?.firstName).toBe('Chen');
    // §11: absent optionals omitted, recorded-null fields sent as null.
    expect(result).not.toHaveProperty('archivedAt');
    expect(result.creditedToUser).toBeNull();
    expect(result.archiveReason).toBeNull();
    expect(result.submitterClientIp).toBeNull();
  });

  it('application.info for an unknown id answers application_not_found; a missing parameter invalid_input', async () => {
    expect(
      await businessError('application.info', { applicationId: '00000000-0000-4000-8000-000000000000' }),
    ).toBe('application_not_found');
    expect(await businessError('application.info', { id: 'x' })).toBe('invalid_input');
  });

  it('archived applications carry archivedAt and archiveReason', async () => {
    const { app } = appOf('Kevin Müller', 'Archived');
    const result = await ok('application.info', { applicationId: app.id }, applicationInfoSchema);
    expect(result.archivedAt).toBe('2024-12-01T10:00:00.000Z');
    expect(result.archiveReason?.text).toBe('Lacks Skills/Qualifications');
  });

  it('candidate.info {id} serves all emails, phones, links and files', async () => {
    const { candidate } = appOf('Anna-Lena van der Berg');
    const result = await ok('candidate.info', { id: candidate.id }, candidateSchema);
    expect(result.emailAddresses.map((e) => e.type)).toEqual(['Personal', 'Work', 'Other']);
    expect(result.phoneNumbers).toHaveLength(2);
    expect(result.socialLinks.map((l) => l.type)).toEqual(['LinkedIn', 'Twitter', 'GitHub']);
    expect(result.fileHandles.map((f) => f.name)).toEqual(['Cover letter.docx', 'AWS certificate.pdf']);
    expect(result.applicationIds).toHaveLength(1);
    expect(result.profileUrl).toContain(candidate.id);
    expect(result.timezone).toBe('Europe/Berlin');
    expect(result.fraudStatus).toBeNull();
  });

  it('candidate.info keeps hard names verbatim and omits absent primary contacts', async () => {
    const spaced = await ok(
      'candidate.info',
      { id: appOf('  José   María  Núñez ').candidate.id },
      candidateSchema,
    );
    expect(spaced.name).toBe('  José   María  Núñez ');
    const single = await ok('candidate.info', { id: appOf('Madonna').candidate.id }, candidateSchema);
    expect(single).not.toHaveProperty('primaryPhoneNumber');
    const workOnly = await ok('candidate.info', { id: appOf("Sam O'Neil").candidate.id }, candidateSchema);
    expect(workOnly.emailAddresses).toEqual([
      { value: 'sam.oneil@currentjob.example', type: 'Work', isPrimary: true },
    ]);
    expect(workOnly).not.toHaveProperty('resumeFileHandle');
    expect((await ok('candidate.info', { id: appOf('李小龙').candidate.id }, candidateSchema)).name).toBe(
      '李小龙',
    );
  });

  it('candidate.info for an unknown id answers candidate_not_found', async () => {
    expect(await businessError('candidate.info', { id: 'missing' })).toBe('candidate_not_found');
  });

  it('offer.list returns only the list fields and filters by applicationId and acceptanceStatus', async () => {
    const { app } = appOf('Anna-Lena van der Berg');
    const res = await call('offer.list', { applicationId: app.id });
    const page = paginatedSchema(offerListItemSchema).parse(res.json);
    expect(page.results).toHaveLength(1);
    const [item] = page.results;
    expect(Object.keys(item ?? {}).sort()).toEqual([
      'acceptanceStatus',
      'applicationId',
      'decidedAt',
      'id',
      'latestVersion',
      'offerStatus',
    ]);
    expect(item?.latestVersion?.startDate).toBe('2025-04-01T00:00:00.000Z');
    expect(item?.latestVersion?.salary).toEqual({ currencyCode: 'EUR', value: 88000 });
    expect(item?.latestVersion?.fileHandles?.map((f) => f.name)).toEqual([
      'Offer Letter.pdf',
      'Offer Letter.docx',
      'Offer Letter (signed).pdf',
    ]);
    const pending = paginatedSchema(offerListItemSchema).parse(
      (await call('offer.list', { acceptanceStatus: ['Pending'] })).json,
    );
    expect(pending.results.map((o) => o.acceptanceStatus)).toEqual(['Pending']);
    expect(await businessError('offer.list', { acceptanceStatus: [] })).toBe('invalid_input');
  });

  it('offer.info {offerId} adds versions and the form definition', async () => {
    const offerId = scenario.offers[0]?.id;
    const offer = await ok('offer.info', { offerId }, offerSchema);
    expect(offer.versions).toHaveLength(2);
    expect(offer.formDefinition?.sections[0]?.fields.length).toBeGreaterThan(2);
    expect(await businessError('offer.info', { offerId: 'missing' })).toBe('offer_not_found');
  });

  it('job.info takes {id} (not jobId)', async () => {
    const job = scenario.jobs[0];
    const result = await ok('job.info', { id: job?.id }, jobSchema);
    expect(result).toMatchObject({
      title: 'Senior Backend Engineer',
      employmentType: 'FullTime',
      customRequisitionId: 'REQ-101',
    });
    expect(await businessError('job.info', { jobId: job?.id })).toBe('invalid_input');
    expect(await businessError('job.info', { id: 'missing' })).toBe('job_not_found');
    const noReq = await ok('job.info', { id: scenario.jobs[2]?.id }, jobSchema);
    expect(noReq.customRequisitionId).toBeNull();
  });

  it('department, location and user info/list', async () => {
    const platform = scenario.departments.find((d) => d.name === 'Platform');
    const dept = await ok('department.info', { departmentId: platform?.id }, departmentSchema);
    expect(dept.parentId).toBe(scenario.departments.find((d) => d.name === 'Engineering')?.id);
    const depts = paginatedSchema(departmentSchema).parse((await call('department.list', {})).json);
    expect(depts.results.map((d) => d.name)).not.toContain('Legacy Operations');
    const withArchived = paginatedSchema(departmentSchema).parse(
      (await call('department.list', { includeArchived: true })).json,
    );
    expect(withArchived.results.map((d) => d.name)).toContain('Legacy Operations');
    const loc = await ok('location.info', { locationId: scenario.locations[0]?.id }, locationSchema);
    expect(loc.address?.postalAddress?.addressLocality).toBe('Berlin');
    const locs = paginatedSchema(locationSchema).parse((await call('location.list', {})).json);
    expect(locs.results.map((l) => l.name)).not.toContain('Europe');
    const user = await ok('user.info', { userId: scenario.users[1]?.id }, userSchema);
    expect(user.firstName).toBe('James');
    expect(await businessError('department.info', { departmentId: 'x' })).toBe('department_not_found');
    expect(await businessError('location.info', { locationId: 'x' })).toBe('location_not_found');
    expect(await businessError('user.info', { userId: 'x' })).toBe('user_not_found');
  });

  it('customField.list pages definitions of every type on candidate, application, offer and job', async () => {
    const page = paginatedSchema(customFieldDefinitionSchema).parse(
      (await call('customField.list', {})).json,
    );
    const types = (objectType: string) =>
      new Set(page.results.filter((d) => d.objectType === objectType).map((d) => d.fieldType));
    for (const type of [
      'Boolean',
      'Number',
      'String',
      'LongText',
      'Date',
      'ValueSelect',
      'MultiValueSelect',
      'Currency',
      'NumberRange',
      'CompensationRange',
    ]) {
      expect(types('Candidate')).toContain(type);
    }
    expect(types('Offer').size).toBeGreaterThanOrEqual(9);
    expect(types('Job').size).toBeGreaterThanOrEqual(6);
    expect(page.results.some((d) => d.isArchived)).toBe(false);
  });

  it('file.info {fileHandle} returns a url', async () => {
    const app = await ok(
      'application.info',
      { applicationId: appOf('Anna-Lena van der Berg').app.id },
      applicationInfoSchema,
    );
    const info = await ok('file.info', { fileHandle: app.resumeFileHandle?.handle }, fileInfoSchema);
    expect(info.url.startsWith(`${sim.url}/files/`)).toBe(true);
  });

  it('malformed JSON, a non-object body and a missing Content-Type answer invalid_input', async () => {
    expect(await businessError('application.list', undefined, { rawBody: '{not json' })).toBe(
      'invalid_input',
    );
    expect(await businessError('application.list', undefined, { rawBody: '[1,2]' })).toBe('invalid_input');
    expect(await businessError('application.list', {}, { contentType: null })).toBe('invalid_input');
    expect(await businessError('application.list', { limit: 'ten' })).toBe('invalid_input');
  });

  it('every response carries a distinct x-ashby-request-id', async () => {
    const a = await call('apiKey.info', {});
    const b = await call('apiKey.info', {});
    expect(a.headers['x-ashby-request-id']).toBeTruthy();
    expect(a.headers['x-ashby-request-id']).not.toBe(b.headers['x-ashby-request-id']);
    expect(a.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});
