import { afterEach, describe, expect, it } from 'vitest';
import {
  knownWebhookEventSchema,
  successEnvelopeSchema,
  webhookSettingSchema,
  ashbyErrorEnvelopeSchema,
} from '../schemas.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from './sample-fixture.js';
import { loadScenarioFile } from './scenario-loader.js';
import { startAshbySimulator, type AshbySimulator } from './simulator.js';
import { expectedSignature, httpCall, startReceiver, type Receiver } from './test-support.js';

describe('Ashby simulator: webhooks', () => {
  let sim: AshbySimulator | undefined;
  const receivers: Receiver[] = [];
  afterEach(async () => {
    await sim?.close();
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  const setup = async () => {
    const scenario = await loadScenarioFile(SAMPLE_COMPANY_PATH);
    sim = await startAshbySimulator({ scenario, timeScale: 0.001 });
    const receiver = await startReceiver();
    receivers.push(receiver);
    const started = sim;
    const create = async (webhookType: string, secretToken: string, url = receiver.url) => {
      const res = await httpCall(
        `${started.url}/webhook.create`,
        { webhookType, requestUrl: url, secretToken },
        { key: SAMPLE_KEYS.full },
      );
      return successEnvelopeSchema(webhookSettingSchema).parse(res.json).results;
    };
    const appOf = (name: string) => {
      const c = scenario.candidates.find((x) => x.name === name);
      const a = scenario.applications.find((x) => x.candidateId === c?.id);
      if (a === undefined) throw new Error(name);
      return a.id;
    };
    return { sim: started, receiver, create, appOf };
  };

  it('webhook.create pings the URL (signed) and stores the webhook enabled', async () => {
    const { receiver, create } = await setup();
    const created = await create('candidateHire', 'secret-1');
    expect(created).toMatchObject({ enabled: true, webhookType: 'candidateHire', secretToken: 'secret-1' });
    expect(receiver.received).toHaveLength(1);
    const ping = receiver.received[0];
    expect(ping?.body).toMatchObject({ action: 'ping', data: { webhookActionType: 'ping' } });
    expect(ping?.headers['ashby-signature']).toBe(
      expectedSignature('secret-1', ping?.raw ?? Buffer.alloc(0)),
    );
  });

  it('a failed ping stores the webhook disabled, and it then receives nothing', async () => {
    const { receiver, create, sim: s, appOf } = await setup();
    receiver.respond = (hook) => (hook.body.action === 'ping' ? 500 : 200);
    const created = await create('candidateHire', 's');
    expect(created.enabled).toBe(false);
    const unreachable = await create('applicationUpdate', 's', 'http://127.0.0.1:9/nothing-listens');
    expect(unreachable.enabled).toBe(false);
    s.hire(appOf('Erik Johansson'));
    await s.idle();
    expect(receiver.received.map((r) => r.body.action)).toEqual(['ping']);
    expect(s.deliveriesLog.filter((d) => d.action === 'ping').map((d) => d.outcome)).toEqual([
      'failed',
      'failed',
    ]);
  });

  it('hire fans out candidateHire + applicationUpdate + candidateStageChange with one webhookActionId, each signed with its webhook secret', async () => {
    const { receiver, create, sim: s, appOf } = await setup();
    await create('candidateHire', 'hire-secret');
    await create('candidateHire', 'second-hire-secret');
    await create('applicationUpdate', 'update-secret');
    await create('candidateStageChange', 'stage-secret');
    await create('offerUpdate', 'offer-secret');
    receiver.received.length = 0;
    const result = s.hire(appOf('Erik Johansson'));
    await s.idle();
    const hooks = receiver.received;
    expect(hooks.map((h) => h.body.action).sort()).toEqual([
      'applicationUpdate',
      'candidateHire',
      'candidateHire',
      'candidateStageChange',
    ]);
    expect(new Set(hooks.map((h) => h.body.webhookActionId))).toEqual(new Set([result.webhookActionId]));
    const secrets = ['hire-secret', 'second-hire-secret', 'update-secret', 'stage-secret'];
    for (const hook of hooks) {
      const signature = hook.headers['ashby-signature'];
      expect(secrets.some((secret) => signature === expectedSignature(secret, hook.raw))).toBe(true);
      expect(hook.headers['content-type']).toBe('application/json');
      const event = knownWebhookEventSchema.parse(JSON.parse(hook.raw.toString('utf8')));
      if (event.action === 'candidateHire') {
        expect(event.data.application.status).toBe('Hired');
        expect(event.data.application.currentInterviewStage?.type).toBe('Hired');
        expect(event.data.offer?.acceptanceStatus).toBe('Accepted');
        expect(event.data.offer?.latestVersion?.startDate).toBe('2025-05-01T00:00:00.000Z');
      }
    }
    const hireHooks = hooks.filter((h) => h.body.action === 'candidateHire');
    expect(hireHooks[0]?.headers['ashby-signature']).not.toBe(hireHooks[1]?.headers['ashby-signature']);
    expect(s.application(appOf('Erik Johansson'))?.status).toBe('Hired');
  });

  it('hire creates an accepted offer when the application has none', async () => {
    const { receiver, create, sim: s, appOf } = await setup();
    await create('candidateHire', 'k');
    const result = s.hire(appOf('Fatima Al-Sayed'), {
      startDate: '2025-06-02',
      salary: { currencyCode: 'EUR', value: 61000 },
    });
    await s.idle();
    expect(result.offer).toMatchObject({ acceptanceStatus: 'Accepted', offerStatus: 'CandidateAccepted' });
    const hook = receiver.received.find((h) => h.body.action === 'candidateHire');
    const event = knownWebhookEventSchema.parse(hook?.body);
    expect(event.action === 'candidateHire' && event.data.offer?.latestVersion?.startDate).toBe(
      '2025-06-02T00:00:00.000Z',
    );
    expect(event.action === 'candidateHire' && event.data.offer?.latestVersion?.salary?.value).toBe(61000);
  });

  it('updateOfferStartDate sends offerUpdate and applicationUpdate', async () => {
    const { receiver, create, sim: s, appOf } = await setup();
    await create('offerUpdate', 'o');
    await create('applicationUpdate', 'a');
    receiver.received.length = 0;
    s.updateOfferStartDate(appOf('李小龙'), '2025-04-07');
    await s.idle();
    expect(receiver.received.map((h) => h.body.action).sort()).toEqual(['applicationUpdate', 'offerUpdate']);
    const offerHook = knownWebhookEventSchema.parse(
      receiver.received.find((h) => h.body.action === 'offerUpdate')?.body,
    );
    expect(offerHook.action === 'offerUpdate' && offerHook.data.offer.latestVersion?.startDate).toBe(
      '2025-04-07T00:00:00.000Z',
    );
  });

  it('webhook.info hides the secret; webhook.delete twice answers webhook_not_found', async () => {
    const { create, sim: s } = await setup();
    const created = await create('candidateHire', 'hidden');
    const info = await httpCall(
      `${s.url}/webhook.info`,
      { webhookId: created.id },
      { key: SAMPLE_KEYS.full },
    );
    const setting = successEnvelopeSchema(webhookSettingSchema).parse(info.json).results;
    expect(setting).not.toHaveProperty('secretToken');
    const del = () =>
      httpCall(`${s.url}/webhook.delete`, { webhookId: created.id }, { key: SAMPLE_KEYS.full });
    expect((await del()).json).toEqual({ success: true, results: { webhookId: created.id } });
    expect(ashbyErrorEnvelopeSchema.parse((await del()).json).errorInfo?.code).toBe('webhook_not_found');
  });

  it('webhook.create needs apiKeysWrite', async () => {
    const { sim: s, receiver } = await setup();
    const res = await httpCall(
      `${s.url}/webhook.create`,
      { webhookType: 'candidateHire', requestUrl: receiver.url, secretToken: 'x' },
      { key: SAMPLE_KEYS.candidatesOnly },
    );
    expect(res.status).toBe(403);
    expect(receiver.received).toHaveLength(0);
  });
});
