import { describe, expect, it } from 'vitest';
import { generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { isAppError } from '../../src/core/errors/app-error.js';
import { decodeKey } from '../../src/config/env-schema.js';
import { createSecretBox } from '../../src/security/secret-box.js';
import { runCli, type CliResult } from '../support/run-cli.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { ashbySignature, postDelivery, signedDelivery } from './support/ashby-deliveries.js';
import { createChaosInstall } from './support/chaos-install.js';
import { scaled, scaledSeconds } from './support/chaos-settings.js';
import { containsNumber, dumpDatabase } from '../support/database-dump.js';
import { startEchoProxy } from './support/echo-proxy.js';
import { hireFigures, hireLine, newHiresByApplication } from './support/queue-state.js';
import { chaosScenarios } from './support/scenario-run.js';
import { settle } from './support/simulator-calls.js';

/**
 * Scenario 7, secrets and personal data (reliability.md §4.3, §4.5, §6.4 S7, S9). A candidate with canary
 * name, email, phone and salary goes through every path: the webhooks, the import, Ashby errors that echo
 * the data back (5xx, 429, business errors, malformed answers), refused webhooks, API reads, searches and
 * edits, the CLI. With everything logging at debug, the canaries appear zero times in any process's output
 * and in stored error messages. A dump of the database holds no plaintext API key, API token or Secret
 * Token, and neither the salary nor the personal phone (sealed at rest), and a ciphertext with one bit flipped fails closed: a clear error, no crash, no plaintext.
 */
const CANARY = {
  first: 'Zyqcanary',
  last: 'Vexlowe',
  email: 'zyq.vexlowe.canary@example.test',
  phone: '+1 555 013 7731',
  salary: 7391846,
  apiKey: 'ashby_canary_key_5d1f0c7be2a94e63',
};
const ECHO = `Candidate ${CANARY.first} ${CANARY.last} <${CANARY.email}> ${CANARY.phone}, salary ${CANARY.salary}, key ${CANARY.apiKey}`;
/** Personal data and how it may look once escaped or encoded. */
const PII = [
  CANARY.first,
  CANARY.last,
  CANARY.email,
  encodeURIComponent(CANARY.email),
  CANARY.phone,
  CANARY.phone.replace(/\D/g, ''),
  String(CANARY.salary),
];

const scenarios = chaosScenarios();

function companyWithCanaries(seed: number) {
  const scenario = generateCompany({ seed, hires: 2, active: 6, archived: 2 });
  const [viaWebhook, viaErrors, viaBitFlip] = scenario.applications.filter((a) => a.status === 'Active');
  for (const app of [viaWebhook!, viaErrors!]) {
    const candidate = scenario.candidates.find((c) => c.id === app.candidateId)!;
    candidate.name = `${CANARY.first} ${CANARY.last}`;
    candidate.emailAddresses = [{ value: CANARY.email, type: 'Personal', isPrimary: true }];
    candidate.phoneNumbers = [{ value: CANARY.phone, type: 'Personal', isPrimary: true }];
  }
  scenario.apiKeys.push({
    key: CANARY.apiKey,
    title: 'canary',
    permissions: [...scenario.apiKeys[0]!.permissions],
  });
  return { scenario, viaWebhook: viaWebhook!, viaErrors: viaErrors!, viaBitFlip: viaBitFlip! };
}

const occurrences = (haystack: string, needles: readonly string[]) =>
  Object.fromEntries(
    needles.map((n) => [n, haystack.split(n).length - 1]).filter(([, count]) => Number(count) > 0),
  );

describe.each(TEST_DIALECTS)('secrets and personal data on %s', (dialect) => {
  it('keeps canary personal data out of logs and stored errors, secrets out of the database, and fails closed on tampering', async () => {
    const run = scenarios.begin('secrets-and-pii', dialect);
    const { scenario, viaWebhook, viaErrors, viaBitFlip } = companyWithCanaries(run.seed('company'));
    const sim = run.own(
      await startAshbySimulator({ scenario, seed: run.seed('simulator'), timeScale: 0.001 }),
    );
    const proxy = run.own(await startEchoProxy(sim.url));
    const inst = run.own(
      await createChaosInstall(dialect, { LOG_LEVEL: 'debug', JOB_LEASE_SECONDS: scaledSeconds(5) }),
    );
    await inst.startServer({ RUN_WORKER: 'true' });
    await inst.startWorker({ LOG_LEVEL: 'debug' });
    const { connectionId, secretToken } = await inst.connect(proxy.url, CANARY.apiKey);
    const api = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${inst.url}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${inst.adminToken}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      });
      return { status: response.status, text: await response.text() };
    };
    const cliRuns: CliResult[] = [];
    const cli = async (args: string[]) => {
      const result = await runCli(args, inst.env, scaled(60_000));
      cliRuns.push(result);
      return result;
    };

    // 1. The webhook path: a hire with the canary salary, delivered by Ashby's signed fan-out.
    run.step('the webhook path');
    sim.hire(viaWebhook.id, { salary: { currencyCode: 'EUR', value: CANARY.salary } });
    await settle(sim, inst, scaled(30_000));

    // 2. Ashby errors that echo the personal data back, on the import of the second canary hire.
    run.step('Ashby errors echoing personal data');
    proxy.script('application.info', viaErrors.id, [{ status: 500, body: ECHO }]);
    proxy.script('candidate.info', viaErrors.candidateId, [
      { status: 503, body: JSON.stringify({ error: ECHO }) },
      { status: 429, headers: { 'retry-after': '0' }, body: JSON.stringify({ message: ECHO }) },
      {
        status: 200,
        body: JSON.stringify({
          success: false,
          errors: [CANARY.last, ECHO],
          errorInfo: { code: CANARY.email, message: ECHO },
        }),
      },
    ]);
    proxy.script('candidate.info', viaErrors.candidateId, [
      { status: 200, body: JSON.stringify({ success: false, errors: [CANARY.last] }) },
      {
        status: 422,
        body: JSON.stringify({ success: false, errors: [{ message: ECHO, parameter: CANARY.email }] }),
      },
    ]);
    proxy.script('offer.list', viaErrors.id, [
      {
        status: 200,
        body: JSON.stringify({ success: true, results: [{ id: 5, applicationId: ECHO, name: ECHO }] }),
      },
    ]);
    sim.hire(viaErrors.id, { salary: { currencyCode: 'EUR', value: CANARY.salary } });
    await settle(sim, inst, scaled(60_000));
    // Permanent failures put the import in dead; an operator retries it until the echoes are used up.
    const deadErrors: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      const dead = await inst.db
        .selectFrom('jobs')
        .select(['id', 'last_error'])
        .where('state', '=', 'dead')
        .execute();
      deadErrors.push(...dead.map((d) => d.last_error ?? ''));
      const hires = await newHiresByApplication(inst.db, connectionId);
      if (hires.has(viaErrors.id)) break;
      // 409: a waiting job with the same key already covers it.
      for (const job of dead)
        expect([200, 409]).toContain((await api(`/api/v1/jobs/${job.id}/retry`, { method: 'POST' })).status);
      await settle(sim, inst, scaled(60_000));
    }
    expect(proxy.served).toBeGreaterThanOrEqual(5);
    expect(deadErrors.length).toBeGreaterThan(0); // the echoes did reach stored errors' code path

    // 3. Webhooks HireBridge refuses, each carrying the personal data.
    run.step('refused webhooks');
    const url = `${inst.url}/webhooks/ashby/${connectionId}`;
    const application = {
      id: viaErrors.id,
      candidate: {
        id: viaErrors.candidateId,
        name: `${CANARY.first} ${CANARY.last}`,
        primaryEmailAddress: { value: CANARY.email },
      },
    };
    const good = signedDelivery(secretToken, {
      webhookActionId: 'canary-refused',
      action: 'candidateHire',
      data: { application, note: ECHO },
    });
    expect(await postDelivery(url, { body: good.body, signature: '' })).toEqual({ status: 401 });
    expect(
      await postDelivery(url, { body: good.body, signature: ashbySignature('wrong', good.body) }),
    ).toEqual({ status: 401 });
    const notEnvelope = Buffer.from(JSON.stringify({ hello: ECHO }));
    expect(
      await postDelivery(url, { body: notEnvelope, signature: ashbySignature(secretToken, notEnvelope) }),
    ).toEqual({ status: 400 });
    const notJson = Buffer.from(`{"action": "candidateHire", "data": ${ECHO}`);
    expect(
      await postDelivery(url, { body: notJson, signature: ashbySignature(secretToken, notJson) }),
    ).toEqual({ status: 400 });

    // 4. The API: reads, a search and an edit carrying the data, and refused requests.
    run.step('the API');
    const inbox = JSON.parse((await api('/api/v1/new-hires')).text) as { items: { id: string }[] };
    expect(inbox.items.length).toBe(2);
    // The salary is stored (sealed) and the API opens it for the roles that read new hires.
    const shown = await Promise.all(
      inbox.items.map(async (i) => (await api(`/api/v1/new-hires/${i.id}`)).text),
    );
    expect(shown.some((text) => text.includes(`"value":${CANARY.salary}`))).toBe(true);
    expect((await api(`/api/v1/members?q=${encodeURIComponent(CANARY.email)}`)).status).toBe(200);
    expect((await api(`/api/v1/new-hires?connectionId=${encodeURIComponent(ECHO)}`)).status).toBeLessThan(
      500,
    );
    await api(`/api/v1/new-hires/${inbox.items[0]!.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ fields: { personalEmail: ECHO, lastName: CANARY.last } }),
    });
    await api(`/api/v1/new-hires/${inbox.items[0]!.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ fields: { [ECHO]: CANARY.email } }),
    });
    await api('/api/v1/connections/ashby', {
      method: 'POST',
      body: JSON.stringify({ apiKey: `${CANARY.apiKey}-revoked`, apiUrl: proxy.url }),
    });

    // 5. The CLI, which prints stored errors and runs the backfill and reconciliation.
    run.step('the CLI');
    expect((await cli(['jobs', 'list'])).code).toBe(0);
    expect(
      (await cli(['ashby', 'backfill', '--connection', connectionId, '--include-past', '--no-wait'])).code,
    ).toBe(0);
    expect((await cli(['ashby', 'reconcile', '--connection', connectionId, '--no-wait'])).code).toBe(0);
    await settle(sim, inst, scaled(60_000));

    // 6. Tampering: one flipped bit in each stored secret fails closed, live and for every bit.
    run.step('tampering');
    const box = createSecretBox(decodeKey(inst.env['HIREBRIDGE_SECRET_KEY']!)!);
    const sealed = await inst.db
      .selectFrom('ashby_connections')
      .select(['api_key_sealed', 'webhook_secret_sealed'])
      .where('id', '=', connectionId)
      .executeTakeFirstOrThrow();
    const [version, keyId, nonce, body] = sealed.api_key_sealed.split(':') as [
      string,
      string,
      string,
      string,
    ];
    const bytes = Buffer.concat([Buffer.from(nonce, 'base64url'), Buffer.from(body, 'base64url')]);
    let closed = 0;
    for (let bit = 0; bit < bytes.length * 8; bit += 1) {
      const flipped = Buffer.from(bytes);
      flipped[bit >> 3] = flipped[bit >> 3]! ^ (1 << (bit & 7));
      const text = `${version}:${keyId}:${flipped.subarray(0, 12).toString('base64url')}:${flipped.subarray(12).toString('base64url')}`;
      try {
        box.open(text, `ashby_connections.api_key:${connectionId}`);
      } catch (err) {
        if (
          isAppError(err) &&
          /could not be decrypted/.test(err.message) &&
          !err.message.includes(CANARY.apiKey)
        )
          closed += 1;
      }
    }
    expect(closed).toBe(bytes.length * 8);
    const flipOneBit = (text: string) => {
      const parts = text.split(':');
      const raw = Buffer.from(parts[3]!, 'base64url');
      raw[0] = raw[0]! ^ 1;
      parts[3] = raw.toString('base64url');
      return parts.join(':');
    };
    await inst.db
      .updateTable('ashby_connections')
      .set({ api_key_sealed: flipOneBit(sealed.api_key_sealed) })
      .where('id', '=', connectionId)
      .execute();
    sim.hire(viaBitFlip.id);
    const failed = await waitFor(
      'the import to fail on the tampered API key',
      async () =>
        inst.db
          .selectFrom('jobs')
          .select(['state', 'last_error'])
          .where('state', '=', 'dead')
          .where('last_error', 'like', '%could not be decrypted%')
          .executeTakeFirst(),
      scaled(30_000),
    );
    expect(failed.last_error).toMatch(/A stored secret could not be decrypted \(authentication failed\)/);
    await inst.db
      .updateTable('ashby_connections')
      .set({ webhook_secret_sealed: flipOneBit(sealed.webhook_secret_sealed) })
      .where('id', '=', connectionId)
      .execute();
    for (const p of inst.processes) await p.kill();
    const server = await inst.startServer({ RUN_WORKER: 'false' }); // a fresh process: no cached secret
    const probe = signedDelivery(secretToken, {
      webhookActionId: 'after-tamper',
      action: 'candidateHire',
      data: { application: { id: viaBitFlip.id } },
    });
    const answer = await postDelivery(url, probe);
    expect('status' in answer && answer.status >= 500).toBe(true); // not accepted: Ashby will retry later
    expect(
      await inst.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('action_key', '=', 'after-tamper')
        .execute(),
    ).toEqual([]);
    expect(server.alive).toBe(true);
    expect((await fetch(`${inst.url}/healthz`)).status).toBe(200);
    await inst.db.updateTable('ashby_connections').set(sealed).where('id', '=', connectionId).execute();

    // The findings.
    const logs = [inst.allOutput(), ...cliRuns.map((r) => r.stdout + r.stderr)].join('\n');
    const storedErrors = [
      ...deadErrors,
      ...(
        await inst.db.selectFrom('jobs').select('last_error').where('last_error', 'is not', null).execute()
      ).map((r) => r.last_error),
      ...(
        await inst.db
          .selectFrom('webhook_deliveries')
          .select('outcome')
          .where('outcome', 'is not', null)
          .execute()
      ).map((r) => r.outcome),
    ].join('\n');
    const secrets = [CANARY.apiKey, secretToken, inst.adminToken, inst.inboxToken];
    const dump = await dumpDatabase(inst.db, inst.env['DATABASE_URL']!);
    // Salary and personal phone are sealed at rest: a dump shows neither, as a number or as text.
    const sealedAtRest = [String(CANARY.salary), CANARY.phone.replace(/\D/g, '')].filter((digits) =>
      containsNumber(dump.text, digits),
    );
    if (dump.text.includes(CANARY.phone)) sealedAtRest.push(CANARY.phone);
    const leaks = {
      personalDataInLogs: occurrences(logs, PII),
      secretsInLogs: occurrences(logs, secrets),
      personalDataInStoredErrors: occurrences(storedErrors, PII),
      secretsInDatabase: occurrences(dump.text, secrets),
      salaryOrPhoneInDatabase: sealedAtRest,
    };
    for (const line of logs
      .split('\n')
      .filter((l) => [...PII, ...secrets].some((n) => l.includes(n)))
      .slice(0, 5)) {
      console.log(`  leaking line: ${line.slice(0, 400)}`);
    }
    // Every hire should be there once, except the one whose import met the tampered API key.
    const expected = new Set(sim.applicationIds({ status: 'Hired' }).filter((id) => id !== viaBitFlip.id));
    const hires = hireFigures(await newHiresByApplication(inst.db, connectionId), expected);
    console.log(
      `secrets and personal data [${dialect}]: ${logs.length} bytes of logs, ${dump.how}; leaks ${JSON.stringify(leaks)}`,
    );
    const delivered = sim.deliveriesLog.filter((d) => d.attempt === 1 && !d.duplicate && d.action !== 'ping');
    run.report({
      sent: delivered.length,
      acked: sim.deliveriesLog.filter((d) => d.outcome === 'delivered' && d.action !== 'ping').length,
      ...hireLine(hires),
    });
    expect(logs).toContain('"level":20'); // debug lines were written, so the scan had something to read
    expect(leaks).toEqual({
      personalDataInLogs: {},
      secretsInLogs: {},
      personalDataInStoredErrors: {},
      secretsInDatabase: {},
      salaryOrPhoneInDatabase: [],
    });
    expect(hires).toMatchObject({ duplicates: 0, unexpected: 0, lost: 0 });
  });
});
