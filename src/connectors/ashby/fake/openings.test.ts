import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ashbyErrorEnvelopeSchema,
  knownWebhookEventSchema,
  openingSchema,
  paginatedSchema,
  successEnvelopeSchema,
} from '../schemas.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from './sample-fixture.js';
import { loadScenarioFile } from './scenario-loader.js';
import type { Scenario } from './scenario-schema.js';
import { startAshbySimulator, type AshbySimulator } from './simulator.js';
import { httpCall, startReceiver, type Receiver } from './test-support.js';

const NIL = '00000000-0000-0000-0000-000000000000';

describe('Ashby simulator: openings (HRIS → Ashby push)', () => {
  let sim: AshbySimulator;
  let scenario: Scenario;
  let receiver: Receiver;
  const post = (endpoint: string, body: unknown, key: string = SAMPLE_KEYS.full) =>
    httpCall(`${sim.url}/${endpoint}`, body, { key });
  const opening = async (endpoint: string, body: unknown) => {
    const res = await post(endpoint, body);
    return successEnvelopeSchema(openingSchema).parse(res.json).results;
  };
  const errorCode = async (endpoint: string, body: unknown, key?: string) =>
    ashbyErrorEnvelopeSchema.parse((await post(endpoint, body, key)).json).errorInfo?.code;

  beforeAll(async () => {
    scenario = await loadScenarioFile(SAMPLE_COMPANY_PATH);
    sim = await startAshbySimulator({ scenario, timeScale: 0.001 });
    receiver = await startReceiver();
    await sim.createWebhook({ webhookType: 'openingCreate', requestUrl: receiver.url, secretToken: 'o' });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  it('opening.search finds scenario openings by exact identifier', async () => {
    const res = await post('opening.search', { identifier: 'HRIS-POS-1001' });
    const found = successEnvelopeSchema(openingSchema.array()).parse(res.json).results;
    expect(found.map((o) => o.openingState)).toEqual(['Filled']);
    expect(
      successEnvelopeSchema(openingSchema.array()).parse(
        (await post('opening.search', { identifier: 'HRIS-POS' })).json,
      ).results,
    ).toEqual([]);
  });

  it('create → update → add/remove job → open → close → archive', async () => {
    const team = scenario.departments.find((d) => d.name === 'Platform')?.id;
    const [berlin] = scenario.locations;
    const [job, otherJob] = scenario.jobs;
    const created = await opening('opening.create', {
      identifier: 'HRIS-POS-2001',
      description: 'New platform role',
      teamId: team,
      locationIds: [berlin?.id],
      jobIds: [job?.id],
      targetHireDate: '2025-06-01',
      targetStartDate: '2025-07-01',
      employmentType: 'FullTime',
    });
    expect(created).toMatchObject({
      openingState: 'Draft',
      isArchived: false,
      latestVersion: { identifier: 'HRIS-POS-2001', teamId: team, isBackfill: false },
    });
    await sim.idle();
    const hook = knownWebhookEventSchema.parse(receiver.received.at(-1)?.body);
    expect(hook.action === 'openingCreate' && hook.data.opening.id).toBe(created.id);

    const updated = await opening('opening.update', {
      openingId: created.id,
      targetStartDate: '2025-08-01',
      isBackfill: true,
    });
    expect(updated.latestVersion).toMatchObject({
      targetStartDate: '2025-08-01',
      isBackfill: true,
      targetHireDate: '2025-06-01',
    });
    expect(
      (await opening('opening.addJob', { openingId: created.id, jobId: otherJob?.id })).latestVersion?.jobIds,
    ).toEqual([job?.id, otherJob?.id]);
    expect(
      (await opening('opening.removeJob', { openingId: created.id, jobId: job?.id })).latestVersion?.jobIds,
    ).toEqual([otherJob?.id]);

    const opened = await opening('opening.setOpeningState', { openingId: created.id, openingState: 'Open' });
    expect(opened.openingState).toBe('Open');
    expect(opened.openedAt).toBeTruthy();
    expect(
      await errorCode('opening.setOpeningState', { openingId: created.id, openingState: 'Closed' }),
    ).toBe('invalid_input');
    const closeReasons = successEnvelopeSchema(openingSchema.pick({ id: true }).array()).parse(
      (await post('closeReason.list', {})).json,
    ).results;
    const closed = await opening('opening.setOpeningState', {
      openingId: created.id,
      openingState: 'Closed',
      closeReasonId: closeReasons[1]?.id,
    });
    expect(closed).toMatchObject({ openingState: 'Closed', closeReasonId: closeReasons[1]?.id });
    expect((await opening('opening.setArchived', { openingId: created.id, archive: true })).isArchived).toBe(
      true,
    );
    expect((await opening('opening.info', { openingId: created.id })).archivedAt).toBeTruthy();
  });

  it('rejects unknown references and bad dates with invalid_input', async () => {
    expect(await errorCode('opening.create', { identifier: 'x', teamId: 'nope' })).toBe('invalid_input');
    expect(await errorCode('opening.create', { identifier: 'x', targetHireDate: '01/06/2025' })).toBe(
      'invalid_input',
    );
  });

  it('a write on the nil id answers opening_not_found with jobsWrite, missing_endpoint_permission without', async () => {
    expect(await errorCode('opening.setArchived', { openingId: NIL, archive: false })).toBe(
      'opening_not_found',
    );
    const res = await post(
      'opening.setArchived',
      { openingId: NIL, archive: false },
      SAMPLE_KEYS.candidatesOnly,
    );
    expect(res.status).toBe(403);
    expect(ashbyErrorEnvelopeSchema.parse(res.json).errorInfo?.code).toBe('missing_endpoint_permission');
    expect(await errorCode('webhook.update', { webhookId: NIL, enabled: false })).toBe('webhook_not_found');
  });

  it('opening.list pages and syncs', async () => {
    const first = paginatedSchema(openingSchema).parse((await post('opening.list', {})).json);
    expect(first.results.length).toBeGreaterThanOrEqual(3);
    const [one] = first.results;
    await opening('opening.update', { openingId: one?.id, description: 'changed' });
    const changed = paginatedSchema(openingSchema).parse(
      (await post('opening.list', { syncToken: first.syncToken })).json,
    );
    expect(changed.results.map((o) => o.id)).toEqual([one?.id]);
  });
});
