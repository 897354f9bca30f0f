/**
 * A worker in its own process, for crash and concurrency tests. Configured by environment:
 * QUEUE_TEST_TARGET (JSON DatabaseTarget), QUEUE_TEST_LEASE_MS, QUEUE_TEST_CONCURRENCY,
 * QUEUE_TEST_MODE: 'hang' (record the start, then never finish) | 'record' (insert one row per run).
 */
import { sql } from 'kysely';
import { createDatabase, type DatabaseTarget } from '../../src/db/dialects/create-database.js';
import { postgresEngine } from '../../src/queue/engines/postgres-engine.js';
import { sqliteEngine } from '../../src/queue/engines/sqlite-engine.js';
import { registerJob } from '../../src/queue/job-definition.js';
import { Worker } from '../../src/queue/worker.js';
import { randomIds, systemClock } from '../../src/main/system-ports.js';
import { childJob } from './child-job.js';
import { memoryLogger } from './silent-logger.js';

const target = JSON.parse(process.env['QUEUE_TEST_TARGET'] ?? '{}') as DatabaseTarget;
const mode = process.env['QUEUE_TEST_MODE'] ?? 'record';
const handle = createDatabase(target, { poolSize: 4 });
const workerName = `pid-${process.pid}`;

const worker = new Worker({
  db: handle.db,
  engine: handle.dialect === 'postgres' ? postgresEngine : sqliteEngine,
  jobs: [
    registerJob(childJob, async ({ n }, ctx) => {
      const started = Date.now();
      await sql`insert into test_runs (job_id, n, worker, attempt, started_at) values (${ctx.jobId}, ${n}, ${workerName}, ${ctx.attempt}, ${started})`.execute(
        handle.db,
      );
      if (mode === 'hang') await new Promise(() => undefined);
      // A little work so that runs on different workers overlap in time if the claim ever let them.
      await new Promise((resolve) => setTimeout(resolve, 2));
      await sql`update test_runs set finished_at = ${Date.now()} where job_id = ${ctx.jobId} and worker = ${workerName} and started_at = ${started}`.execute(
        handle.db,
      );
    }),
  ],
  clock: systemClock,
  ids: randomIds,
  logger: memoryLogger(),
  random: Math.random,
  concurrency: Number(process.env['QUEUE_TEST_CONCURRENCY'] ?? 4),
  leaseMs: Number(process.env['QUEUE_TEST_LEASE_MS'] ?? 60_000),
  pollIntervalMs: 20,
  sweepIntervalMs: 100,
});
worker.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void worker
    .stop(1_000)
    .then(() => handle.close())
    .then(() => process.exit(0));
});
