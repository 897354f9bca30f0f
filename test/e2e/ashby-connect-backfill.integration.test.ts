import { afterEach, describe, expect, it } from 'vitest';
import { startAshbySimulator, type AshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../../src/connectors/ashby/fake/sample-fixture.js';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { runCli } from '../support/run-cli.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let h: IntakeHarness | undefined;
let sim: AshbySimulator | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await h?.dispose();
  await sim?.close();
  await server?.dispose();
  h = sim = server = undefined;
});

describe('connecting Ashby', () => {
  it(
    'refuses a key without a required permission, naming each, through the API (422) and the CLI (exit 2)',
    { timeout: 90_000 },
    async () => {
      sim = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH });
      server = await startTestServer('sqlite');
      const admin = await server.token('admin');
      const response = await fetch(`${server.url}/api/v1/connections/ashby`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey: SAMPLE_KEYS.candidatesOnly, apiUrl: sim.url }),
      });
      expect(response.status).toBe(422);
      const body = (await response.json()) as {
        error: { code: string; message: string; details: { missing: string[] } };
      };
      expect(body.error.code).toBe('permission_missing');
      expect(body.error.details.missing.sort()).toEqual([
        'hiringProcessMetadataRead',
        'jobsRead',
        'offersRead',
        'organizationRead',
      ]);
      expect(body.error.message).toContain('offersRead');
      // Named as on Ashby's own API key screen, the API name in brackets.
      expect(body.error.message).toContain('Offers: Read (offersRead)');

      const cli = await runCli(
        ['ashby', 'connect', '--api-key', SAMPLE_KEYS.noOffers, '--api-url', sim.url],
        server.env,
      );
      expect(cli.code).toBe(2);
      expect(cli.stderr).toContain('offersRead');
      expect(cli.stdout).toMatch(/MISSING offersRead/);
      // Nothing was stored for refused keys.
      const list = await fetch(`${server.url}/api/v1/connections`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(await list.json()).toEqual({ items: [] });
      // A key Ashby rejects outright is a clear 400, not a crash.
      const disabled = await fetch(`${server.url}/api/v1/connections/ashby`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey: SAMPLE_KEYS.disabled, apiUrl: sim.url }),
      });
      expect(disabled.status).toBe(400);
      const refused = ((await disabled.json()) as { error: { message: string } }).error.message;
      expect(refused).toContain('Ashby refused this API key');
      // In the admin's words: no endpoint, no HTTP status.
      expect(refused).not.toMatch(/apiKey\.info|HTTP \d{3}/);
    },
  );

  it('connects from the CLI with --json, stores the key sealed, and a reconnect keeps URL, secret and id', async () => {
    sim = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH, timeScale: 0.001 });
    server = await startTestServer('sqlite');
    const cli = await runCli(
      ['ashby', 'connect', '--api-key', SAMPLE_KEYS.full, '--api-url', sim.url, '--name', 'Acme', '--json'],
      server.env,
    );
    expect(cli.code).toBe(0);
    const out = JSON.parse(cli.stdout) as {
      id: string;
      webhookUrl: string;
      secretToken: string;
      permissions: { optional: { name: string; granted: boolean }[] };
    };
    expect(out.webhookUrl).toBe(`${server.url}/webhooks/ashby/${out.id}`);
    expect(out.secretToken).toMatch(/^[0-9a-f]{64}$/);
    expect(out.permissions.optional.find((p) => p.name === 'apiKeysWrite')?.granted).toBe(true);
    const rows = await server.container.database.db.selectFrom('ashby_connections').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(SAMPLE_KEYS.full);
    expect(JSON.stringify(rows)).not.toContain(out.secretToken);

    sim.addApiKey('rotated_key', [
      'candidatesRead',
      'offersRead',
      'jobsRead',
      'organizationRead',
      'hiringProcessMetadataRead',
    ]);
    const again = await runCli(['ashby', 'reconnect', out.id, '--api-key', 'rotated_key'], server.env);
    expect(again.code).toBe(0);
    const admin = await server.token('admin');
    const after = (await (
      await fetch(`${server.url}/api/v1/connections/${out.id}`, {
        headers: { authorization: `Bearer ${admin}` },
      })
    ).json()) as {
      id: string;
      name: string;
      webhookUrl: string;
      secretToken?: string;
    };
    expect(after).toMatchObject({ id: out.id, name: 'Acme', webhookUrl: out.webhookUrl });
    expect(after.secretToken).toBeUndefined();
    // The old secret still verifies deliveries, and the new key is used for imports.
    sim.hire('b13b651c-235d-5e4b-9762-43d6a744fb5a');
    const worker = server.container.createWorker({ pollIntervalMs: 20 });
    worker.start();
    const deadline = Date.now() + 15_000;
    let hires: { items: unknown[] } = { items: [] };
    while (Date.now() < deadline && hires.items.length === 0) {
      await new Promise((r) => setTimeout(r, 100));
      hires = (await (
        await fetch(`${server.url}/api/v1/new-hires`, { headers: { authorization: `Bearer ${admin}` } })
      ).json()) as { items: unknown[] };
    }
    await worker.stop();
    expect(hires.items).toHaveLength(1);
    expect(sim.calls.some((c) => c.key === 'rotated_key')).toBe(true);
    // Three CLI processes (tsx start-up each): generous on a loaded two-core machine.
  }, 120_000);
});

describe.each(TEST_DIALECTS)('backfill on %s', (dialect) => {
  it('imports 200 past hires over several pages, once each, even when run twice', async () => {
    const scenario = generateCompany({ seed: 7, hires: 200 });
    h = await startIntakeHarness(dialect, { scenario, key: scenario.apiKeys[0]!.key });
    const first = await runCli(['ashby', 'backfill', '--connection', h.connectionId], h.server.env, 120_000);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /page 1: 100 hired applications found, 100 imports queued\npage 2: 200 hired applications found, 200 imports queued/,
    );
    expect(first.stdout).toContain('Backfill done');
    const again = await runCli(
      ['ashby', 'backfill', '--connection', h.connectionId, '--since', '2000-01-01'],
      h.server.env,
      120_000,
    );
    expect(again.code).toBe(0);
    await h.settle(60_000);
    const hires = await h.api<{ items: { source: { applicationId: string }; missingRequired: string[] }[] }>(
      '/api/v1/new-hires?limit=500',
    );
    expect(hires.body.items).toHaveLength(200);
    expect(new Set(hires.body.items.map((i) => i.source.applicationId)).size).toBe(200);
    expect(h.sim.callCount('application.list')).toBeGreaterThanOrEqual(4);
  }, 180_000);
});
