import { describe, expect, it } from 'vitest';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { postDelivery } from './support/ashby-deliveries.js';
import { createChaosInstall, type ChaosInstall } from './support/chaos-install.js';
import { scaled } from './support/chaos-settings.js';
import { waitUntilServing, waitUntilWorking } from './support/hirebridge-process.js';
import { applicationsWith, hireFanOut } from './support/hire-deliveries.js';
import {
  hireFigures,
  hireLine,
  jobStates,
  newHiresByApplication,
  waitForDrain,
} from './support/queue-state.js';
import { chaosScenarios, type ScenarioRun } from './support/scenario-run.js';

/**
 * Scenario 2, crash windows (reliability.md §6.2 Q2, Q8). HIREBRIDGE_CRASH_POINT (testing only) makes a
 * real HireBridge process SIGKILL itself at one named moment; after a restart without it, the outcome
 * must be the one a run without the crash has: one delivery row, processed, and one new hire.
 */
const scenarios = chaosScenarios();

async function setUp(run: ScenarioRun, dialect: 'sqlite' | 'postgres') {
  const sim = run.own(
    await startAshbySimulator({
      scenario: generateCompany({ seed: run.seed('company'), hires: 3, active: 3, archived: 2 }),
      seed: run.seed('simulator'),
    }),
  );
  const inst = run.own(await createChaosInstall(dialect));
  const server = await inst.startServer({ RUN_WORKER: 'false' });
  const { connectionId, secretToken } = await inst.connect(sim.url, GENERATED_API_KEYS.full);
  const applicationId = applicationsWith(sim, 'Hired')[0]!;
  const [delivery] = hireFanOut(sim, secretToken, applicationId, 'crash-window-1');
  return {
    inst,
    server,
    connectionId,
    applicationId,
    delivery: delivery!,
    url: `${inst.url}/webhooks/ashby/${connectionId}`,
  };
}

/** What a run without any crash ends with, for one candidateHire delivery of a hired application. */
async function expectCleanOutcome(inst: ChaosInstall, connectionId: string, applicationId: string) {
  const deliveries = await inst.db
    .selectFrom('webhook_deliveries')
    .select(['status'])
    .where('connection_id', '=', connectionId)
    .execute();
  expect(deliveries.map((d) => d.status)).toEqual(['processed']);
  const hires = hireFigures(await newHiresByApplication(inst.db, connectionId), new Set([applicationId]));
  expect(hires).toMatchObject({ newHires: 1, duplicates: 0, unexpected: 0, lost: 0 });
  const states = await jobStates(inst.db);
  expect(states['running'] ?? 0).toBe(0);
  expect(states['dead'] ?? 0).toBe(0);
  return hires;
}

describe.each(TEST_DIALECTS)('crash windows on %s', (dialect) => {
  it('delivery-stored: killed after the delivery and its job commit, before the 2xx; Ashby resends', async () => {
    const run = scenarios.begin('crash-delivery-stored', dialect);
    const { inst, server, connectionId, applicationId, delivery, url } = await setUp(run, dialect);
    await server.kill();
    const crashing = inst.spawn('server', { RUN_WORKER: 'false', HIREBRIDGE_CRASH_POINT: 'delivery-stored' });
    await waitUntilServing(crashing, inst.url);

    run.step('first delivery, crash before the answer');
    const first = await postDelivery(url, delivery);
    expect('error' in first).toBe(true); // no answer at all: the process died before replying
    expect((await crashing.exited).signal).toBe('SIGKILL');
    expect(crashing.output).toContain('crash point delivery-stored reached');
    // The crash came after the commit: the delivery and its import job are there, unanswered.
    const stored = await inst.db.selectFrom('webhook_deliveries').select('status').execute();
    expect(stored.map((d) => d.status)).toEqual(['queued']);
    expect((await jobStates(inst.db))['available']).toBeGreaterThanOrEqual(1);

    // Ashby got no 2xx, so it sends the same delivery again; the restarted server takes it as a duplicate.
    await inst.startServer({ RUN_WORKER: 'true' });
    run.step('Ashby resends to a restarted server');
    const retry = await postDelivery(url, delivery, scaled(10_000));
    expect(retry).toEqual({ status: 200 });
    run.measured({ sent: 2, acked: 1 });
    run.step('drain the queue');
    await waitForDrain(inst.db, scaled(30_000));
    const hires = await expectCleanOutcome(inst, connectionId, applicationId);
    run.report({ sent: 2, acked: 1, ...hireLine(hires) });
  });

  it('import-fetched: a worker killed after reading Ashby and before saving; the job is taken over', async () => {
    const run = scenarios.begin('crash-import-fetched', dialect);
    const { inst, connectionId, applicationId, delivery, url } = await setUp(run, dialect);
    const crashing = inst.spawn('worker', { LOG_LEVEL: 'info', HIREBRIDGE_CRASH_POINT: 'import-fetched' });
    await waitUntilWorking(crashing);

    run.step('delivery, worker crashes after reading Ashby');
    expect(await postDelivery(url, delivery, scaled(10_000))).toEqual({ status: 200 });
    run.measured({ sent: 1, acked: 1 });
    expect((await crashing.exited).signal).toBe('SIGKILL');
    expect(crashing.output).toContain('crash point import-fetched reached');
    // Nothing was saved, and the job is still leased to the dead worker.
    expect((await newHiresByApplication(inst.db, connectionId)).size).toBe(0);
    const [job] = await inst.db
      .selectFrom('jobs')
      .select(['state', 'attempt'])
      .where('kind', '=', 'ashby.application.import')
      .execute();
    expect(job).toEqual({ state: 'running', attempt: 1 });

    run.step('a second worker takes the import over');
    await inst.startWorker();
    await waitFor(
      'the import to be completed by the second worker',
      async () => {
        const row = await inst.db
          .selectFrom('jobs')
          .select(['state', 'attempt'])
          .where('kind', '=', 'ashby.application.import')
          .executeTakeFirst();
        return row?.state === 'completed' ? row : undefined;
      },
      scaled(30_000),
    );
    run.step('drain the queue');
    await waitForDrain(inst.db, scaled(30_000));
    const hires = await expectCleanOutcome(inst, connectionId, applicationId);
    run.report({ sent: 1, acked: 1, ...hireLine(hires) });
  });

  // Extension points: the crash-point names exist (src/core/ports/crash-point.ts); the code they guard
  // lands with later issues, and with it these scenarios.
  it.todo(
    'member-added: killed after Add member commits, before its delivery jobs run (HRIS delivery issue)',
  );
  it.todo(
    'file-downloading: killed in the middle of downloading an offer letter from Ashby (documents issue)',
  );
});
