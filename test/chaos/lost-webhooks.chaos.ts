import { afterEach, describe, expect, it } from 'vitest';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator, type AshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { runCli } from '../support/run-cli.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { postDelivery } from './support/ashby-deliveries.js';
import { createChaosInstall, type ChaosInstall } from './support/chaos-install.js';
import { applicationsWith, hireFanOut } from './support/hire-deliveries.js';
import { hireFigures, hireLine, jobStates, newHiresByApplication } from './support/queue-state.js';
import { reportScenario } from './support/scenario-report.js';
import { settle, simCall } from './support/simulator-calls.js';

/**
 * Scenario 5, lost webhooks (reliability.md §1.8, §6.2 Q13). Ashby gives up on a delivery answered 401
 * (a wrong Secret Token) at once, and on an unreachable server after its retries. The periodic
 * reconciliation (application.list incremental sync, falling back to a full sync when Ashby refuses
 * the token) must bring every missed hire in, once; replaying the lost webhooks later adds nothing.
 */
let install: ChaosInstall | undefined;
let sim: AshbySimulator | undefined;
afterEach(async () => {
  await install?.dispose();
  await sim?.close();
  install = undefined;
  sim = undefined;
});

const KEY = GENERATED_API_KEYS.full;

async function setUp(dialect: 'sqlite' | 'postgres', reconcileSeconds: number) {
  // Ashby's ten attempts over about 2 h 49 min, compressed 2000x to about 5 s.
  sim = await startAshbySimulator({
    scenario: generateCompany({ seed: 55, hires: 2, active: 12, archived: 2 }),
    timeScale: 0.0005,
  });
  install = await createChaosInstall(dialect, { RECONCILE_INTERVAL_SECONDS: String(reconcileSeconds) });
  await install.startServer({ RUN_WORKER: 'true' });
  const { connectionId, secretToken } = await install.connect(sim.url, KEY);
  const connection = (await (
    await fetch(`${install.url}/api/v1/connections/${connectionId}`, {
      headers: { authorization: `Bearer ${install.adminToken}` },
    })
  ).json()) as { ashbyWebhooks: { id: string | null; enabled: boolean }[] };
  const webhookIds = connection.ashbyWebhooks.map((w) => w.id!);
  expect(connection.ashbyWebhooks.every((w) => w.enabled)).toBe(true);
  // The reconciliation queued at connect records where Ashby stands.
  const inst = install;
  await waitFor(
    'the first reconciliation',
    () => inst.db.selectFrom('ashby_sync_state').selectAll().executeTakeFirst(),
    30_000,
  );
  const setWebhooks = async (enabled: boolean) => {
    for (const webhookId of webhookIds) await simCall(sim!, KEY, 'webhook.update', { webhookId, enabled });
  };
  return {
    inst,
    sim,
    connectionId,
    secretToken,
    setWebhooks,
    url: `${install.url}/webhooks/ashby/${connectionId}`,
  };
}

describe.each(TEST_DIALECTS)('lost webhooks on %s', (dialect) => {
  it('reconciles hires whose webhooks were refused (wrong secret) or undeliverable (server down past retries), once', async () => {
    const { inst, sim: s, connectionId, secretToken, setWebhooks, url } = await setUp(dialect, 2);
    const [a1, a2, a3, b1, b2, b3] = applicationsWith(s, 'Active');
    const refused = [a1!, a2!, a3!];
    const undeliverable = [b1!, b2!, b3!];
    const missed = new Set([...refused, ...undeliverable]);

    // A: the Secret Token Ashby holds is wrong, so HireBridge answers 401 and Ashby drops the delivery.
    await setWebhooks(false);
    const lostDeliveries = refused.flatMap((id, i) => {
      s.hire(id);
      return hireFanOut(s, `${secretToken}-but-wrong`, id, `lost-a-${i}`);
    });
    for (const d of lostDeliveries) expect(await postDelivery(url, d)).toEqual({ status: 401 });
    await waitFor(
      'the reconciliation to import the refused hires',
      async () => {
        const hires = await newHiresByApplication(inst.db, connectionId);
        return refused.every((id) => hires.has(id));
      },
      30_000,
    );

    // B: the server is down through all of Ashby's retries; Ashby has also dropped our sync token.
    await setWebhooks(true);
    s.expireSyncTokens();
    for (const p of inst.processes) await p.kill();
    s.resetCounters();
    for (const id of undeliverable) s.hire(id);
    await waitFor('Ashby to give up on every delivery', () => s.idleWithin(10), 30_000, 100);
    const gaveUp = s.deliveriesLog.filter((d) => d.outcome === 'failed');
    const undelivered = new Set(gaveUp.map((d) => `${d.webhookActionId}|${d.action}`)).size;
    expect(s.deliveriesLog.some((d) => d.outcome === 'delivered')).toBe(false);
    await inst.startServer({ RUN_WORKER: 'true' });
    await waitFor(
      'the reconciliation to import the undelivered hires',
      async () => {
        const hires = await newHiresByApplication(inst.db, connectionId);
        return undeliverable.every((id) => hires.has(id));
      },
      30_000,
    );
    // It got there through a full sync, after Ashby refused the stored token.
    expect(
      s.calls.some((c) => c.endpoint === 'application.list' && c.errorCode === 'sync_token_expired'),
    ).toBe(true);

    // Later the lost webhooks arrive after all (replays, a fixed secret): nothing is doubled.
    for (const d of hireFanOut(s, secretToken, a1!, 'lost-a-0'))
      expect(await postDelivery(url, d)).toEqual({ status: 200 });
    s.hire(b1!);
    await settle(s, inst, 30_000);

    const hires = hireFigures(await newHiresByApplication(inst.db, connectionId), missed);
    const states = await jobStates(inst.db);
    reportScenario('lost-webhooks', dialect, {
      sent: lostDeliveries.length + undelivered,
      acked: 0,
      ...hireLine(hires),
    });
    // `unexpected` would count new hires for applications hired before HireBridge was connected: those
    // are the backfill's business, and a full sync must not import the whole history.
    expect(hires).toMatchObject({ newHires: missed.size, duplicates: 0, unexpected: 0, lost: 0 });
    expect(states['dead'] ?? 0).toBe(0);
  });

  it('reconciles on demand with `hirebridge ashby reconcile --connection ID`', async () => {
    const { inst, sim: s, connectionId, setWebhooks } = await setUp(dialect, 3600);
    const missed = applicationsWith(s, 'Active').slice(0, 2);
    await setWebhooks(false);
    for (const id of missed) s.hire(id);

    const cli = await runCli(
      ['ashby', 'reconcile', '--connection', connectionId, '--json'],
      inst.env,
      60_000,
    );
    expect(cli.code, cli.stderr).toBe(0);
    const result = JSON.parse(cli.stdout) as { mode: string; hired: number; queued: number };
    expect(result).toMatchObject({ mode: 'incremental', hired: 2 });
    const hires = hireFigures(await newHiresByApplication(inst.db, connectionId), new Set(missed));
    reportScenario('reconcile-cli', dialect, hireLine(hires));
    expect(hires).toMatchObject({ newHires: 2, duplicates: 0, unexpected: 0, lost: 0 });
  });
});
