import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAshbySimulator, type AshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../../src/connectors/ashby/fake/sample-fixture.js';
import { bearerApi, type IntakeHarness } from '../support/intake-harness.js';
import { runCli } from '../support/run-cli.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * A sync process SIGKILLed right after Ashby created an opening, before HireBridge recorded it: the next
 * run finds that opening by its identifier and adopts it, so no position ever gets two openings.
 */
describe.each(TEST_DIALECTS)('opening sync killed mid-run on %s', (dialect) => {
  let sim: AshbySimulator;
  let server: TestServer;
  let api: IntakeHarness['api'];
  let connectionId: string;
  beforeAll(async () => {
    sim = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH, timeScale: 0.001 });
    // No worker in the server: the CLI processes below run every sync.
    server = await startTestServer(dialect, { RUN_WORKER: 'false', JOB_LEASE_SECONDS: '2' });
    api = bearerApi(server.url, await server.token('admin'));
    const connected = await api<{ id: string }>('/api/v1/connections/ashby', {
      method: 'POST',
      body: JSON.stringify({ apiKey: SAMPLE_KEYS.full, apiUrl: sim.url }),
    });
    connectionId = connected.body.id;
  });
  afterAll(async () => {
    await sim?.close();
    await server?.dispose();
  });

  it('adopts the opening a killed run created instead of making a second', async () => {
    const positions: string[] = [];
    for (const title of ['Crash A', 'Crash B', 'Crash C']) {
      const res = await api<{ id: string }>('/api/v1/positions', {
        method: 'POST',
        body: JSON.stringify({ title, recruiting: true, department: 'Sales' }),
      });
      positions.push(res.body.id);
    }
    const enabled = await api(`/api/v1/connections/${connectionId}/openings/settings`, {
      method: 'PUT',
      body: JSON.stringify({ enabled: true }),
    });
    expect(enabled.status).toBe(200);
    const env = { ...server.env, LOG_LEVEL: 'silent' };
    const args = ['openings', 'sync', '--connection', connectionId, '--wait', '--timeout', '60'];

    const killed = await runCli(args, { ...env, HIREBRIDGE_CRASH_POINT: 'opening-created' }, 60_000);
    expect(killed.code).toBeNull(); // SIGKILL: no exit status
    const openings = () => sim.openings().filter((o) => o.latestVersion?.identifier.startsWith('HB-'));
    expect(openings()).toHaveLength(1);

    const resumed = await runCli([...args, '--json'], env, 90_000);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const run = JSON.parse(resumed.stdout) as { status: string; created: number; failed: number };
    expect(run).toMatchObject({ status: 'succeeded', failed: 0 });
    for (const id of positions)
      expect(openings().filter((o) => o.latestVersion?.identifier === `HB-${id}`)).toHaveLength(1);
    const links = await server.container.database.db.selectFrom('position_openings').selectAll().execute();
    expect(links).toHaveLength(3);
  });
});
