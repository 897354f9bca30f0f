import { afterEach, describe, expect, it } from 'vitest';
import { GENERATED_API_KEYS, generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator, type AshbySimulator } from '../../src/connectors/ashby/fake/simulator.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';
import { postDelivery } from './support/ashby-deliveries.js';
import { createChaosInstall, type ChaosInstall } from './support/chaos-install.js';
import { workerIdOf } from './support/hirebridge-process.js';
import { applicationsWith, hireFanOut } from './support/hire-deliveries.js';
import {
  hireFigures,
  hireLine,
  jobStates,
  newHiresByApplication,
  waitForDrain,
} from './support/queue-state.js';
import { reportScenario } from './support/scenario-report.js';

/**
 * Scenario 3, zombie worker (reliability.md §2.2, §6.2 Q3). Worker A claims an import and is frozen
 * with SIGSTOP in the middle of its Ashby calls, past its lease. Worker B takes the job over and
 * completes it. A is thawed with SIGCONT: it finishes its run, but the job's outcome is written with
 * the lease's fencing token, so A's completion changes nothing; the business outcome stays one new hire.
 */
let install: ChaosInstall | undefined;
let sim: AshbySimulator | undefined;
afterEach(async () => {
  for (const p of install?.processes ?? []) p.signal('SIGCONT');
  await install?.dispose();
  await sim?.close();
  install = undefined;
  sim = undefined;
});

const importJob = (inst: ChaosInstall) =>
  inst.db
    .selectFrom('jobs')
    .select(['state', 'attempt', 'locked_by', 'finished_at'])
    .where('kind', '=', 'ashby.application.import')
    .executeTakeFirst();

describe.each(TEST_DIALECTS)('zombie worker on %s', (dialect) => {
  it('cannot complete a job another worker took over while it was paused (SIGSTOP/SIGCONT)', async () => {
    sim = await startAshbySimulator({
      scenario: generateCompany({ seed: 33, hires: 2, active: 2, archived: 2 }),
    });
    install = await createChaosInstall(dialect, { JOB_LEASE_SECONDS: '2', ASHBY_TIMEOUT_MS: '60000' });
    const inst = install;
    await inst.startServer({ RUN_WORKER: 'false' });
    const { connectionId, secretToken } = await inst.connect(sim.url, GENERATED_API_KEYS.full);
    const zombie = await inst.startWorker();
    const zombieId = workerIdOf(zombie);
    // Slow Ashby answers keep the import in flight long enough to freeze the worker inside it.
    sim.setKnobs({ latencyMs: 600 });
    const applicationId = applicationsWith(sim, 'Hired')[0]!;
    const [delivery] = hireFanOut(sim, secretToken, applicationId, 'zombie-1');
    expect(await postDelivery(`${inst.url}/webhooks/ashby/${connectionId}`, delivery!)).toEqual({
      status: 200,
    });

    await waitFor('worker A to claim the import and call Ashby', async () => {
      const job = await importJob(inst);
      return job?.state === 'running' && job.locked_by === zombieId && sim!.callCount('application.info') > 0;
    });
    zombie.signal('SIGSTOP');

    // Worker B sweeps the expired lease, claims the job under a new fencing token, and completes it.
    const rescuer = await inst.startWorker();
    const rescuerId = workerIdOf(rescuer);
    const done = await waitFor(
      'worker B to complete the import',
      async () => {
        const job = await importJob(inst);
        return job?.state === 'completed' ? job : undefined;
      },
      30_000,
    );
    expect(done).toMatchObject({ locked_by: rescuerId, attempt: 2 });
    expect(zombie.alive).toBe(true);

    // Thawed, A finishes its run; its outcome write names a lease that is gone and changes nothing.
    zombie.signal('SIGCONT');
    await zombie.waitForOutput(
      'lease was lost before the job finished; its outcome was not recorded',
      30_000,
    );
    expect(await importJob(inst)).toEqual(done);
    // Whatever else the hire set off (documents, notifications) finishes on the two live workers.
    await waitForDrain(inst.db, 30_000);

    const hires = hireFigures(await newHiresByApplication(inst.db, connectionId), new Set([applicationId]));
    const states = await jobStates(inst.db);
    reportScenario('zombie-worker', dialect, { sent: 1, acked: 1, ...hireLine(hires) });
    expect(hires).toMatchObject({ newHires: 1, duplicates: 0, unexpected: 0, lost: 0 });
    expect(states['running'] ?? 0).toBe(0);
    expect(states['dead'] ?? 0).toBe(0);
  });
});
