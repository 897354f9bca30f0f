import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { createContainer } from '../../src/main/container.js';
import { createLogger } from '../../src/observability/logger.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { postDelivery } from './support/ashby-deliveries.js';
import { createChaosInstall, type ChaosInstall } from './support/chaos-install.js';
import { scaled, scaledSeconds } from './support/chaos-settings.js';
import { applicationsWith, hireFanOut } from './support/hire-deliveries.js';
import {
  hireFigures,
  hireLine,
  jobStates,
  newHiresByApplication,
  waitForDrain,
} from './support/queue-state.js';
import { chaosScenarios } from './support/scenario-run.js';

/**
 * Scenario 9, durability (reliability.md §2.9, §2.11, §6.2 Q9, Q11). SQLite commits with
 * synchronous=FULL in WAL mode, so a delivery answered 2xx survives a power cut, not just a crash. On
 * SIGTERM a process stops claiming, lets running jobs finish within the grace period, and puts back
 * (without spending an attempt) those that do not, then exits 0: nothing is left running.
 */
const scenarios = chaosScenarios();

const importJobs = (inst: ChaosInstall) =>
  inst.db
    .selectFrom('jobs')
    .select(['id', 'state', 'attempt', 'lease_token', 'unique_key'])
    .where('kind', '=', 'ashby.application.import')
    .execute();

describe.skipIf(!TEST_DIALECTS.includes('sqlite'))('SQLite durability settings', () => {
  // FULL's fsync per commit runs in the thread pool (src/db/dialects/sqlite-wal-sync.ts): SQLite is
  // NORMAL and every commit that wrote returns only after an fdatasync of the WAL that followed it.
  it('opens every database connection in WAL mode with each commit synced before it returns', async () => {
    const run = scenarios.begin('sqlite-settings', 'sqlite');
    const install = run.own(await createChaosInstall('sqlite'));
    // The container is what the server, the worker and the CLI all open the database through.
    const container = createContainer(loadConfig(install.env), { logger: createLogger('silent') });
    try {
      const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(
        container.database.db,
      );
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(container.database.db);
      expect(synchronous.rows[0]?.synchronous).toBe(1); // 1 = NORMAL (0 OFF, 2 FULL, 3 EXTRA) + our sync
      expect(journal.rows[0]?.journal_mode).toBe('wal');
    } finally {
      await container.close();
    }
  });
});

describe.each(TEST_DIALECTS)('graceful shutdown on %s', (dialect) => {
  it('finishes a job in flight on SIGTERM, and puts back one that cannot finish within the grace period', async () => {
    const run = scenarios.begin('durability', dialect);
    const sim = run.own(
      await startAshbySimulator({
        scenario: generateCompany({ seed: run.seed('company'), hires: 3, active: 2, archived: 1 }),
        seed: run.seed('simulator'),
      }),
    );
    // The grace period (3 s idle) must let an import with 400 ms Ashby calls finish, so it scales.
    const inst = run.own(
      await createChaosInstall(dialect, {
        ASHBY_TIMEOUT_MS: String(scaled(60_000)),
        SHUTDOWN_GRACE_SECONDS: scaledSeconds(3),
      }),
    );
    await inst.startServer({ RUN_WORKER: 'false' });
    const { connectionId, secretToken } = await inst.connect(sim.url, GENERATED_API_KEYS.full);
    const [finishes, released] = applicationsWith(sim, 'Hired');
    const url = `${inst.url}/webhooks/ashby/${connectionId}`;
    const running = async () => (await importJobs(inst)).filter((j) => j.state === 'running');

    // Finishes: slow Ashby answers keep the import in flight when the worker process gets SIGTERM.
    sim.setKnobs({ latencyMs: 400 });
    const worker = await inst.startWorker();
    expect(await postDelivery(url, hireFanOut(sim, secretToken, finishes!, 'shutdown-1')[0]!)).toEqual({
      status: 200,
    });
    run.measured({ sent: 1, acked: 1 });
    run.step('SIGTERM while an import runs');
    await waitFor(
      'the import to be running',
      async () => (await running()).length === 1 && sim.callCount('application.info') > 0,
      scaled(10_000),
    );
    worker.signal('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect((await importJobs(inst)).map((j) => j.state)).toEqual(['completed']);

    // Released: Ashby never answers application.info, so the import cannot finish within the grace period
    // of the server process's worker; it goes back to the queue with its attempt given back.
    sim.setKnobs({ latencyMs: 0, hangProbability: 1, faultEndpoints: ['application.info'] });
    for (const p of inst.processes) await p.kill();
    const server = await inst.startServer({ RUN_WORKER: 'true' });
    expect(await postDelivery(url, hireFanOut(sim, secretToken, released!, 'shutdown-2')[0]!)).toEqual({
      status: 200,
    });
    run.measured({ sent: 2, acked: 2 });
    run.step('SIGTERM while an import hangs');
    await waitFor(
      'the second import to be running',
      async () => (await running()).length === 1,
      scaled(10_000),
    );
    server.signal('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const back = (await importJobs(inst)).find((j) => j.unique_key?.endsWith(released!));
    expect(back).toMatchObject({ state: 'available', attempt: 0, lease_token: null });
    expect(server.output).not.toContain('"level":50'); // no error logged on the way out

    // Put back means picked up again: another worker completes it once Ashby answers.
    sim.setKnobs({ hangProbability: 0, faultEndpoints: null });
    run.step('another worker picks it up');
    await inst.startWorker();
    await waitForDrain(inst.db, scaled(30_000));
    const hires = hireFigures(
      await newHiresByApplication(inst.db, connectionId),
      new Set([finishes!, released!]),
    );
    const states = await jobStates(inst.db);
    run.report({ sent: 2, acked: 2, ...hireLine(hires) });
    expect(hires).toMatchObject({ newHires: 2, duplicates: 0, unexpected: 0, lost: 0 });
    expect(states['running'] ?? 0).toBe(0);
    expect(states['dead'] ?? 0).toBe(0);
  });
});
