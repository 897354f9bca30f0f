import { describe, expect, it } from 'vitest';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { runCli } from '../support/run-cli.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { postDelivery } from './support/ashby-deliveries.js';
import { createChaosInstall } from './support/chaos-install.js';
import { scaled } from './support/chaos-settings.js';
import { applicationsWith, hireFanOut } from './support/hire-deliveries.js';
import { hireFigures, hireLine, jobStates, newHiresByApplication } from './support/queue-state.js';
import { chaosScenarios, type ScenarioRun } from './support/scenario-run.js';
import { settle, simCall } from './support/simulator-calls.js';

/**
 * Scenario 5, lost webhooks (reliability.md §1.8, §6.2 Q13). Ashby gives up on a delivery answered 401
 * (a wrong Secret Token) at once, and on an unreachable server after its retries. The periodic
 * reconciliation (application.list incremental sync, falling back to a full sync when Ashby refuses
 * the token) must bring every missed hire in, once; replaying the lost webhooks later adds nothing.
 */
const scenarios = chaosScenarios();

const KEY = GENERATED_API_KEYS.full;

async function setUp(run: ScenarioRun, dialect: 'sqlite' | 'postgres', reconcileSeconds: number) {
  // Ashby's ten attempts over about 2 h 49 min, compressed 2000x to about 5 s.
  const sim = run.own(
    await startAshbySimulator({
      scenario: generateCompany({ seed: run.seed('company'), hires: 2, active: 12, archived: 2 }),
      seed: run.seed('simulator'),
      timeScale: 0.0005,
    }),
  );
  const inst = run.own(
    await createChaosInstall(dialect, { RECONCILE_INTERVAL_SECONDS: String(reconcileSeconds) }),
  );
  await inst.startServer({ RUN_WORKER: 'true' });
  const { connectionId, secretToken } = await inst.connect(sim.url, KEY);
  const connection = (await (
    await fetch(`${inst.url}/api/v1/connections/${connectionId}`, {
      headers: { authorization: `Bearer ${inst.adminToken}` },
    })
  ).json()) as { ashbyWebhooks: { id: string | null; enabled: boolean }[] };
  const webhookIds = connection.ashbyWebhooks.map((w) => w.id!);
  expect(connection.ashbyWebhooks.every((w) => w.enabled)).toBe(true);
  // The reconciliation queued at connect records where Ashby stands.
  run.step('the first reconciliation');
  await waitFor(
    'the first reconciliation',
    () => inst.db.selectFrom('ashby_sync_state').selectAll().executeTakeFirst(),
    scaled(30_000),
  );
  const setWebhooks = async (enabled: boolean) => {
    for (const webhookId of webhookIds) await simCall(sim, KEY, 'webhook.update', { webhookId, enabled });
  };
  return {
    inst,
    sim,
    connectionId,
    secretToken,
    setWebhooks,
    url: `${inst.url}/webhooks/ashby/${connectionId}`,
  };
}

describe.each(TEST_DIALECTS)('lost webhooks on %s', (dialect) => {
  it('reconciles hires whose webhooks were refused (wrong secret) or undeliverable (server down past retries), once', async () => {
    const run = scenarios.begin('lost-webhooks', dialect);
    const { inst, sim: s, connectionId, secretToken, setWebhooks, url } = await setUp(run, dialect, 2);
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
    run.measured({ sent: lostDeliveries.length, acked: 0 });
    run.step('reconcile the refused hires');
    await waitFor(
      'the reconciliation to import the refused hires',
      async () => {
        const hires = await newHiresByApplication(inst.db, connectionId);
        return refused.every((id) => hires.has(id));
      },
      scaled(30_000),
    );

    // B: the server is down through all of Ashby's retries; Ashby has also dropped our sync token.
    run.step("server down through all of Ashby's retries");
    await setWebhooks(true);
    s.expireSyncTokens();
    for (const p of inst.processes) await p.kill();
    s.resetCounters();
    for (const id of undeliverable) s.hire(id);
    await waitFor('Ashby to give up on every delivery', () => s.idleWithin(10), scaled(30_000), 100);
    const gaveUp = s.deliveriesLog.filter((d) => d.outcome === 'failed');
    const undelivered = new Set(gaveUp.map((d) => `${d.webhookActionId}|${d.action}`)).size;
    expect(s.deliveriesLog.some((d) => d.outcome === 'delivered')).toBe(false);
    run.measured({ sent: lostDeliveries.length + undelivered });
    run.step('reconcile the undelivered hires');
    await inst.startServer({ RUN_WORKER: 'true' });
    await waitFor(
      'the reconciliation to import the undelivered hires',
      async () => {
        const hires = await newHiresByApplication(inst.db, connectionId);
        return undeliverable.every((id) => hires.has(id));
      },
      scaled(30_000),
    );
    // It got there through a full sync, after Ashby refused the stored token.
    expect(
      s.calls.some((c) => c.endpoint === 'application.list' && c.errorCode === 'sync_token_expired'),
    ).toBe(true);

    // Later the lost webhooks arrive after all (replays, a fixed secret): nothing is doubled.
    for (const d of hireFanOut(s, secretToken, a1!, 'lost-a-0'))
      expect(await postDelivery(url, d)).toEqual({ status: 200 });
    run.step('replays');
    s.hire(b1!);
    await settle(s, inst, scaled(30_000));

    const hires = hireFigures(await newHiresByApplication(inst.db, connectionId), missed);
    const states = await jobStates(inst.db);
    run.report({
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
    const run = scenarios.begin('reconcile-cli', dialect);
    const { inst, sim: s, connectionId, setWebhooks } = await setUp(run, dialect, 3600);
    const missed = applicationsWith(s, 'Active').slice(0, 2);
    await setWebhooks(false);
    for (const id of missed) s.hire(id);

    run.step('hirebridge ashby reconcile');
    const cli = await runCli(
      ['ashby', 'reconcile', '--connection', connectionId, '--json'],
      inst.env,
      scaled(60_000),
    );
    expect(cli.code, cli.stderr).toBe(0);
    const result = JSON.parse(cli.stdout) as { mode: string; hired: number; queued: number };
    expect(result).toMatchObject({ mode: 'incremental', hired: 2 });
    const hires = hireFigures(await newHiresByApplication(inst.db, connectionId), new Set(missed));
    run.report(hireLine(hires));
    expect(hires).toMatchObject({ newHires: 2, duplicates: 0, unexpected: 0, lost: 0 });
  });
});
