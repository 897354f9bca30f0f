import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../src/connectors/webhook/fake/receiver.js';
import { bearerApi, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { runCli } from '../support/run-cli.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { startTestServer } from '../support/test-server.js';
import { waitFor } from '../support/wait-for.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d';
const ERIK = 'b13b651c-235d-5e4b-9762-43d6a744fb5a';
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608';
const KEVIN = '9fb6f1e1-e29f-5730-9ab5-b4f8f5efa078';

interface Hire {
  id: string;
  missingRequired: string[];
  source: { applicationId: string };
}
interface Push {
  destinationId: string;
  destinationType: string;
  status: string;
  remoteId: string | null;
  attempts: number;
  lastError: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { problems?: { field: string }[]; status?: number } };
}

describe.each(TEST_DIALECTS)('Destinations: the signed webhook over real HTTP on %s', (dialect) => {
  let h: IntakeHarness;
  let receiver: WebhookReceiver;
  let destinationId: string;
  let secret: string;
  let rejectedAtCreation = 0;

  beforeAll(async () => {
    h = await startIntakeHarness(dialect, {
      env: {
        ALLOW_PRIVATE_OUTBOUND: 'true',
        DESTINATION_RETRY_BASE_MS: '20',
        DESTINATION_TIMEOUT_MS: '2000',
      },
    });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await h.dispose();
  });

  const json = (method: string, body?: unknown): RequestInit => ({
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const addable = async (applicationId: string): Promise<string> => {
    h.sim.hire(applicationId);
    await h.settle();
    const list = await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500');
    const hire = list.body.items.find((i) => i.source.applicationId === applicationId);
    if (!hire) throw new Error(`no new hire for ${applicationId}`);
    if (hire.missingRequired.length > 0) {
      const fields = Object.fromEntries(
        hire.missingRequired.map((k) => [
          k,
          k === 'employmentStartDate'
            ? '2027-01-04'
            : k.endsWith('Email')
              ? `${k}@example.com`
              : `${k} value`,
        ]),
      );
      await h.api(`/api/v1/new-hires/${hire.id}`, json('PATCH', { fields }));
    }
    return hire.id;
  };
  const pushesOf = async (memberId: string) =>
    (await h.api<{ items: Push[] }>(`/api/v1/members/${memberId}/pushes`)).body.items;
  const pushSettled = (memberId: string, status: string) =>
    waitFor(`the push of ${memberId} to be ${status}`, async () => {
      const [push] = await pushesOf(memberId);
      return push?.status === status ? push : undefined;
    });

  it('offers every destination in the registry, each with the credential fields of its schema', async () => {
    const types = await h.api<{ items: { type: string; credentialsSchema: { required?: string[] } }[] }>(
      '/api/v1/destination-types',
    );
    expect(types.body.items.map((t) => t.type)).toEqual([
      'webhook',
      'hibob',
      'humaans',
      'peopleforce',
      'charthop',
    ]);
    const required = Object.fromEntries(types.body.items.map((t) => [t.type, t.credentialsSchema.required]));
    expect(required).toMatchObject({
      webhook: ['url'],
      hibob: ['serviceUserId', 'token'],
      humaans: ['apiToken'],
    });
    const hibob = await h.api<ErrorBody>(
      '/api/v1/destinations',
      json('POST', { type: 'hibob', name: 'Bob', credentials: { serviceUserId: 'svc' } }),
    );
    expect(hibob.status).toBe(422);
    expect(hibob.body.error.details?.problems?.map((p) => p.field)).toEqual(['credentials.token']);
  });

  it('names every missing or invalid credential and unknown types (422), never saving them', async () => {
    const missing = await h.api<ErrorBody>(
      '/api/v1/destinations',
      json('POST', { type: 'webhook', name: 'x', credentials: {} }),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.details?.problems?.map((p) => p.field)).toEqual(['credentials.url']);
    const bad = await h.api<ErrorBody>(
      '/api/v1/destinations',
      json('POST', { type: 'webhook', name: 'x', credentials: { url: 'ftp://nope', signingSecret: 'abc' } }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.problems?.map((p) => p.field).sort()).toEqual([
      'credentials.signingSecret',
      'credentials.url',
    ]);
    const unknown = await h.api<ErrorBody>(
      '/api/v1/destinations',
      json('POST', { type: 'nope', name: 'x', credentials: {} }),
    );
    expect(unknown.body.error.message).toMatch(/unknown destination type "nope"; one of webhook/);
    const unreachable = await h.api<ErrorBody>(
      '/api/v1/destinations',
      json('POST', { type: 'webhook', name: 'x', credentials: { url: 'http://127.0.0.1:9/nothing' } }),
    );
    expect(unreachable.status).toBe(422);
    expect(unreachable.body.error.code).toBe('destination_refused');
    expect((await h.api<{ items: unknown[] }>('/api/v1/destinations')).body.items).toHaveLength(0);
  });

  it('adds a webhook destination, returning its whsec_ secret once and never the credentials', async () => {
    const added = await h.api<{
      id: string;
      status: string;
      generatedCredentials: { signingSecret: string };
    }>(
      '/api/v1/destinations',
      json('POST', { type: 'webhook', name: 'People webhook', credentials: { url: receiver.url } }),
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      type: 'webhook',
      name: 'People webhook',
      enabled: true,
      status: 'ok',
    });
    secret = added.body.generatedCredentials.signingSecret;
    expect(secret).toMatch(/^whsec_/);
    destinationId = added.body.id;
    receiver.setSecret(secret);
    // The ping before saving could not be verified: the receiver learns the secret only from this answer.
    rejectedAtCreation = receiver.rejectedCount();

    const listed = JSON.stringify((await h.api('/api/v1/destinations')).body);
    const one = JSON.stringify((await h.api(`/api/v1/destinations/${destinationId}`)).body);
    for (const text of [listed, one]) {
      expect(text).not.toContain(secret.slice(6));
      expect(text).not.toContain(receiver.url);
    }
    const row = await h.server.container.database.db
      .selectFrom('destinations')
      .select('credentials_sealed')
      .executeTakeFirstOrThrow();
    expect(row.credentials_sealed).not.toContain(secret.slice(6));
    expect(row.credentials_sealed).not.toContain('127.0.0.1');

    const tested = await h.api<{ ok: boolean }>(`/api/v1/destinations/${destinationId}/test`, json('POST'));
    expect(tested.status).toBe(200);
    const audit = await h.api<{ items: { action: string }[] }>('/api/v1/audit');
    expect(audit.body.items.map((a) => a.action)).toEqual(
      expect.arrayContaining(['destination.add', 'destination.test']),
    );
  });

  it('lets inbox managers list destinations (to choose them) but not change them', async () => {
    const inbox = await h.server.token('inbox');
    const as = { authorization: `Bearer ${inbox}` };
    expect((await h.api('/api/v1/destinations', { headers: as })).status).toBe(200);
    const refused = await h.api('/api/v1/destinations', {
      ...json('POST', { type: 'webhook', name: 'x', credentials: { url: receiver.url } }),
      headers: as,
    });
    expect(refused.status).toBe(403);
  });

  it('Add member sends one member.created with a valid signature, the fields, documents and Ashby ids', async () => {
    const hireId = await addable(ANNA);
    const added = await h.api<{ id: string }>(`/api/v1/new-hires/${hireId}/add-member`, json('POST', {}));
    expect(added.status).toBe(201);
    const memberId = added.body.id;
    const push = await pushSettled(memberId, 'delivered');
    expect(push).toMatchObject({
      destinationId,
      destinationType: 'webhook',
      remoteId: memberId,
      attempts: 1,
    });
    // One job per (member, destination), through the job catalog's unique key, committed with the member.
    const jobs = await h.server.container.database.db
      .selectFrom('jobs')
      .select(['kind', 'unique_key'])
      .where('unique_key', '=', `push:${memberId}:${destinationId}`)
      .execute();
    expect(jobs).toEqual([{ kind: 'destinations.push', unique_key: `push:${memberId}:${destinationId}` }]);
    const created = receiver.events.filter((e) => e.event.data.member?.id === memberId);
    expect(created.map((e) => e.event.type)).toEqual(['member.created']);
    const member = created[0]?.event.data.member;
    expect(member?.ashby?.applicationId).toBe(ANNA);
    expect(typeof member?.fields['firstName']).toBe('string');
    expect(receiver.rejectedCount()).toBe(rejectedAtCreation);
    expect(member?.documents.length).toBeGreaterThan(0);
    for (const doc of member?.documents ?? []) {
      const file = await fetch(doc.downloadUrl);
      expect(file.status).toBe(200);
      expect(Number(file.headers.get('content-length') ?? (await file.arrayBuffer()).byteLength)).toBe(
        doc.sizeBytes,
      );
    }
    const forged = await fetch(`${h.server.url}/document-links?token=AAAAAAAAAAAA.BBBBBBBB`);
    expect(forged.status).toBe(404);

    // Adding again is a no-op: no second push, no second event.
    const again = await h.api(`/api/v1/new-hires/${hireId}/add-member`, json('POST', {}));
    expect(again.status).toBe(200);
    await h.settle();
    expect(receiver.createdCounts().get(memberId)).toBe(1);
  });

  it('retries while the receiver is down and delivers once; an unknown destination is refused', async () => {
    const before = receiver.requestCount();
    receiver.failNext(2, 'drop');
    receiver.failNext(2, { status: 503 });
    const hireId = await addable(KEVIN);
    const added = await h.api<{ id: string }>(
      `/api/v1/new-hires/${hireId}/add-member`,
      json('POST', { destinations: [destinationId] }),
    );
    const push = await pushSettled(added.body.id, 'delivered');
    expect(push.attempts).toBe(5);
    expect(receiver.requestCount() - before).toBe(5);
    expect(receiver.createdCounts().get(added.body.id)).toBe(1);

    const unknown = await h.api<ErrorBody>(
      `/api/v1/new-hires/${await addable(JOSE)}/add-member`,
      json('POST', { destinations: ['no-such-destination'] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /destinations\.0: no destination has the id no-such-destination/,
    );
  });

  it('pauses the destination on 401 without a retry storm, resumes on a passing test', async () => {
    receiver.setSecret(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);
    const rejectedBefore = receiver.rejectedCount();
    const hires = await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500');
    const jose = hires.body.items.find((i) => i.source.applicationId === JOSE);
    const added = await h.api<{ id: string }>(`/api/v1/new-hires/${jose?.id}/add-member`, json('POST', {}));
    expect(added.status).toBe(201);
    const paused = await pushSettled(added.body.id, 'paused');
    expect(paused.lastError).toMatch(/credentials refused \(HTTP 401\)/);
    const destination = await h.api<{ status: string; statusMessage: string }>(
      `/api/v1/destinations/${destinationId}`,
    );
    expect(destination.body.status).toBe('credentials_refused');
    await h.settle();
    expect(receiver.rejectedCount() - rejectedBefore).toBe(1);
    const listed = await h.api<{ items: Push[] }>('/api/v1/pushes?status=paused');
    expect(listed.body.items.map((p) => p.status)).toEqual(['paused']);

    const stillRefused = await h.api<ErrorBody>(`/api/v1/destinations/${destinationId}/test`, json('POST'));
    expect(stillRefused.status).toBe(422);
    expect(stillRefused.body.error.code).toBe('destination_refused');

    receiver.setSecret(secret);
    const resumed = await h.api<{ resumedPushes: number }>(
      `/api/v1/destinations/${destinationId}/test`,
      json('POST'),
    );
    expect(resumed.body.resumedPushes).toBe(1);
    await pushSettled(added.body.id, 'delivered');
    expect(receiver.createdCounts().get(added.body.id)).toBe(1);
    expect((await h.api<{ status: string }>(`/api/v1/destinations/${destinationId}`)).body.status).toBe('ok');
  });

  it('fails a push with the receiver’s 4xx message, and a retry after the fix delivers', async () => {
    const [anyPush] = (
      await h.api<{ items: (Push & { memberId: string })[] }>('/api/v1/pushes?status=delivered')
    ).body.items;
    const memberId = anyPush?.memberId ?? '';
    receiver.failNext(1, { status: 422, body: 'employmentStartDate: must be a date' });
    const retried = await h.api<Push>(
      `/api/v1/members/${memberId}/pushes/${destinationId}/retry`,
      json('POST'),
    );
    expect(retried.status).toBe(200);
    const failed = await pushSettled(memberId, 'failed');
    expect(failed.lastError).toMatch(/HTTP 422: employmentStartDate: must be a date/);
    const failedList = await h.api<{ items: Push[] }>('/api/v1/pushes?status=failed');
    expect(failedList.body.items).toHaveLength(1);

    receiver.failNext(1, { status: 429, headers: { 'retry-after': '1' } });
    await h.api(`/api/v1/members/${memberId}/pushes/${destinationId}/retry`, json('POST'));
    await pushSettled(memberId, 'delivered');
    const row = await h.server.container.database.db
      .selectFrom('destinations')
      .select('paused_until')
      .executeTakeFirstOrThrow();
    expect(Number(row.paused_until)).toBeGreaterThan(0);
    expect(receiver.createdCounts().get(memberId)).toBe(1);
    const types = receiver.events
      .filter((e) => e.event.data.member?.id === memberId)
      .map((e) => e.event.type);
    expect(types).toEqual(['member.created', 'member.updated']);
  });

  it('pushes an accepted Ashby change as member.updated to the destination that has the person', async () => {
    const hireId = await addable(ERIK);
    const added = await h.api<{ id: string }>(`/api/v1/new-hires/${hireId}/add-member`, json('POST', {}));
    const memberId = added.body.id;
    await pushSettled(memberId, 'delivered');
    h.sim.updateOfferStartDate(ERIK, '2027-05-01');
    await h.settle();
    const member = await h.api<{ pendingUpdates: { id: string }[] }>(`/api/v1/members/${memberId}`);
    const update = member.body.pendingUpdates[0];
    expect(update).toBeDefined();
    await h.api(`/api/v1/members/${memberId}/updates/${update?.id}/accept`, json('POST'));
    await waitFor('member.updated to arrive', () =>
      receiver.events.some((e) => e.event.type === 'member.updated' && e.event.data.member?.id === memberId),
    );
    const updated = receiver.events.find(
      (e) => e.event.type === 'member.updated' && e.event.data.member?.id === memberId,
    );
    expect(updated?.event.data.member?.fields['employmentStartDate']).toBe('2027-05-01');
    expect(receiver.createdCounts().get(memberId)).toBe(1);
  });

  it('refuses private addresses unless ALLOW_PRIVATE_OUTBOUND=true: destinations, Ashby, Slack', async () => {
    const strict = await startTestServer(dialect, { ALLOW_PRIVATE_OUTBOUND: 'false' });
    const api = bearerApi(strict.url, await strict.token('admin'));
    try {
      const refused = await api<ErrorBody>(
        '/api/v1/destinations',
        json('POST', { type: 'webhook', name: 'inside', credentials: { url: receiver.url } }),
      );
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toMatch(/credentials\.url must use https/);
      const metadata = await api<ErrorBody>(
        '/api/v1/destinations',
        json('POST', {
          type: 'webhook',
          name: 'inside',
          credentials: { url: 'https://169.254.169.254/latest' },
        }),
      );
      expect(metadata.status).toBe(422);
      expect(metadata.body.error.message).toMatch(/link-local address \(169\.254\.169\.254\)/);
      // The same policy for a custom Ashby API URL and the Slack webhook, checked before anything else.
      const ashby = await api<ErrorBody>(
        '/api/v1/connections/ashby',
        json('POST', { apiKey: 'key', apiUrl: 'https://127.0.0.1:9/api' }),
      );
      expect(ashby.status).toBe(422);
      expect(ashby.body.error.message).toMatch(/apiUrl resolves to a loopback address \(127\.0\.0\.1\)/);
      const slack = await api<ErrorBody>(
        '/api/v1/connections/any/notification-settings',
        json('PUT', { slackWebhookUrl: 'https://10.0.0.7/services/T/B/x' }),
      );
      expect(slack.status).toBe(422);
      expect(slack.body.error.message).toMatch(
        /slackWebhookUrl resolves to a private address \(10\.0\.0\.7\)/,
      );
    } finally {
      await strict.dispose();
    }
  });

  it('the CLI adds, lists, tests and removes destinations, and lists and retries pushes', async () => {
    const added = await runCli(
      [
        'destinations',
        'add',
        'webhook',
        '--name',
        'From the shell',
        '--credential',
        `url=${receiver.url}`,
        '--json',
      ],
      h.server.env,
    );
    expect(added.code).toBe(0);
    const created = JSON.parse(added.stdout) as {
      id: string;
      generatedCredentials: { signingSecret: string };
    };
    expect(created.generatedCredentials.signingSecret).toMatch(/^whsec_/);
    const bad = await runCli(
      ['destinations', 'add', 'webhook', '--name', 'x', '--credential', 'nourl'],
      h.server.env,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--credential nourl: expected KEY=VALUE/);

    const list = await runCli(['destinations', 'list'], h.server.env);
    expect(list.stdout).toMatch(/From the shell/);
    const pushes = await runCli(['pushes', 'list', '--status', 'delivered', '--json'], h.server.env);
    const delivered = JSON.parse(pushes.stdout) as { memberId: string; destinationId: string }[];
    expect(delivered.length).toBeGreaterThan(0);
    const first = delivered[0];
    const retried = await runCli(
      ['pushes', 'retry', first?.memberId ?? '', first?.destinationId ?? ''],
      h.server.env,
    );
    expect(retried.stdout).toMatch(/Queued the push of member/);
    await pushSettled(first?.memberId ?? '', 'delivered');
    const removed = await runCli(['destinations', 'remove', created.id], h.server.env);
    expect(removed.stdout).toMatch(`Removed destination ${created.id}.`);
  }, 120_000);
});
