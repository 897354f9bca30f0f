import { describe, expect, it } from 'vitest';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { postDelivery } from './support/ashby-deliveries.js';
import { createChaosInstall, type ChaosInstall } from './support/chaos-install.js';
import { scaled, scaledSeconds } from './support/chaos-settings.js';
import { freezeOutsideWrites } from './support/freeze.js';
import { workerIdOf } from './support/hirebridge-process.js';
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
 * Scenario 3, zombie worker (reliability.md §2.2, §6.2 Q3). Worker A claims an import and is frozen
 * with SIGSTOP in the middle of its Ashby calls, past its lease. Worker B takes the job over and
 * completes it. A is thawed with SIGCONT: it finishes its run, but the job's outcome is written with
 * the lease's fencing token, so A's completion changes nothing; the business outcome stays one new hire.
 */
const scenarios = chaosScenarios();

const importJob = (inst: ChaosInstall) =>
  inst.db
    .selectFrom('jobs')
    .select(['state', 'attempt', 'locked_by', 'finished_at'])
    .where('kind', '=', 'ashby.application.import')
    .executeTakeFirst();

describe.each(TEST_DIALECTS)('zombie worker on %s', (dialect) => {
  it('cannot complete a job another worker took over while it was paused (SIGSTOP/SIGCONT)', async () => {
    const run = scenarios.begin('zombie-worker', dialect);
    const sim = run.own(
      await startAshbySimulator({
        scenario: generateCompany({ seed: run.seed('company'), hires: 2, active: 2, archived: 2 }),
        seed: run.seed('simulator'),
      }),
    );
    // The lease (2 s idle) and Ashby's latency (600 ms idle) scale together: the import must stay in
    // flight long enough to be frozen inside it, and the rescuer's heartbeats must keep its own lease.
    const inst = run.own(
      await createChaosInstall(dialect, {
        JOB_LEASE_SECONDS: scaledSeconds(2),
        ASHBY_TIMEOUT_MS: String(scaled(60_000)),
      }),
    );
    await inst.startServer({ RUN_WORKER: 'false' });
    const { connectionId, secretToken } = await inst.connect(sim.url, GENERATED_API_KEYS.full);
    const zombie = await inst.startWorker();
    const zombieId = workerIdOf(zombie);
    // Slow Ashby answers keep the import in flight long enough to freeze the worker inside it.
    sim.setKnobs({ latencyMs: scaled(600) });
    const applicationId = applicationsWith(sim, 'Hired')[0]!;
    const [delivery] = hireFanOut(sim, secretToken, applicationId, 'zombie-1');
    expect(await postDelivery(`${inst.url}/webhooks/ashby/${connectionId}`, delivery!)).toEqual({
      status: 200,
    });
    run.measured({ sent: 1, acked: 1 });

    run.step('freeze worker A inside the import');
    await freezeOutsideWrites(
      zombie,
      inst,
      async () => {
        const job = await importJob(inst);
        return (
          job?.state === 'running' && job.locked_by === zombieId && sim.callCount('application.info') > 0
        );
      },
      'worker A to claim the import and call Ashby',
    );

    // Worker B sweeps the expired lease, claims the job under a new fencing token, and completes it.
    run.step('worker B takes the import over');
    const rescuer = await inst.startWorker();
    const rescuerId = workerIdOf(rescuer);
    const done = await waitFor(
      'worker B to complete the import',
      async () => {
        const job = await importJob(inst);
        return job?.state === 'completed' ? job : undefined;
      },
      scaled(30_000),
    );
    expect(done).toMatchObject({ locked_by: rescuerId, attempt: 2 });
    expect(zombie.alive).toBe(true);

    // Thawed, A finishes its run; its outcome write names a lease that is gone and changes nothing.
    run.step('thaw worker A');
    zombie.signal('SIGCONT');
    await zombie.waitForOutput(
      'lease was lost before the job finished; its outcome was not recorded',
      scaled(30_000),
    );
    expect(await importJob(inst)).toEqual(done);
    // Whatever else the hire set off (documents, notifications) finishes on the two live workers.
    run.step('drain the queue');
    await waitForDrain(inst.db, scaled(30_000));

    const hires = hireFigures(await newHiresByApplication(inst.db, connectionId), new Set([applicationId]));
    const states = await jobStates(inst.db);
    run.report({ sent: 1, acked: 1, ...hireLine(hires) });
    expect(hires).toMatchObject({ newHires: 1, duplicates: 0, unexpected: 0, lost: 0 });
    expect(states['running'] ?? 0).toBe(0);
    expect(states['dead'] ?? 0).toBe(0);
  });
});
