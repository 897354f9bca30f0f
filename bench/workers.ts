import { GENERATED_API_KEYS, generateCompany } from '../src/connectors/ashby/fake/generator.js';
import { startAshbySimulator } from '../src/connectors/ashby/fake/simulator.js';
import { waitFor } from '../test/support/wait-for.js';
import { startHireBridge, type ServerMode } from './lib/hirebridge.js';
import { round } from './lib/percentiles.js';

/**
 * Benchmark 5, scale-out: import jobs per second on PostgreSQL with one worker process, then with two,
 * each on a fresh database behind a web-only server (`HIREBRIDGE_ROLE=web`), as several instances run
 * in production. A backfill of `hires` past hires queues one import job each; the rate is hires stored
 * per second from the first to the last. The simulator answers every call after `latencyMs` with no
 * rate limit, so the figure is HireBridge's own throughput. Printed as the ratio two : one; on a
 * two-core machine that also runs PostgreSQL and the simulator it cannot reach 2.
 */
export async function runWorkers(options: { mode: ServerMode; hires: number; latencyMs: number }) {
  const one = await jobsPerSecond(options, 1);
  const two = await jobsPerSecond(options, 2);
  return {
    hires: options.hires,
    oneWorkerJobsPerSecond: round(one, 1),
    twoWorkersJobsPerSecond: round(two, 1),
    ratio: round(two / one, 2),
  };
}

async function jobsPerSecond(
  options: { mode: ServerMode; hires: number; latencyMs: number },
  workerCount: number,
): Promise<number> {
  const sim = await startAshbySimulator({
    scenario: generateCompany({ seed: 5, hires: options.hires }),
    knobs: { latencyMs: options.latencyMs },
  });
  const hb = await startHireBridge({
    name: `HireBridge (postgres, web + ${workerCount} worker${workerCount > 1 ? 's' : ''})`,
    dialect: 'postgres',
    mode: options.mode,
    env: { HIREBRIDGE_ROLE: 'web', ASHBY_REQUESTS_PER_MINUTE: '100000', WORKER_CONCURRENCY: '4' },
  }).catch(async (err: unknown) => {
    await sim.close();
    throw err;
  });
  try {
    const { connectionId } = await hb.connect(sim.url, GENERATED_API_KEYS.full);
    for (let i = 0; i < workerCount; i += 1) hb.startWorker();
    const queued = await hb.cli(
      ['ashby', 'backfill', '--connection', connectionId, '--include-past', '--no-wait'],
      120_000,
    );
    if (queued.code !== 0)
      throw new Error(`backfill CLI failed (${queued.code}): ${queued.stderr.slice(-500)}`);
    const stored = () =>
      hb.db
        .selectFrom('new_hires')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.min('created_at').as('first'),
          eb.fn.max('created_at').as('last'),
        ])
        .where('connection_id', '=', connectionId)
        .executeTakeFirstOrThrow();
    await waitFor(
      `${options.hires} new hires with ${workerCount} worker(s)`,
      async () => Number((await stored()).n) >= options.hires,
      180_000,
      100,
    );
    const row = await stored();
    const seconds = (Number(row.last) - Number(row.first)) / 1000;
    return (Number(row.n) - 1) / Math.max(seconds, 0.001);
  } finally {
    await hb.dispose();
    await sim.close();
  }
}
