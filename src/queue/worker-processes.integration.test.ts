import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { childJob } from '../../test/support/child-job.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/support/test-databases.js';
import { waitFor } from '../../test/support/wait-for.js';
import { systemClock, randomIds } from '../main/system-ports.js';
import { enqueue } from './enqueue.js';

const CHILD = new URL('../../test/support/queue-worker-child.ts', import.meta.url).pathname;

function startChild(t: TestDatabase, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, QUEUE_TEST_TARGET: JSON.stringify(t.target), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker child exited early with ${code}`)));
  });
}

async function createRunsTable(t: TestDatabase) {
  await sql`create table test_runs (job_id text not null, n integer not null, worker text not null,
    attempt integer not null, started_at bigint not null, finished_at bigint)`.execute(t.handle.db);
}

const children: ChildProcess[] = [];
let t: TestDatabase | undefined;
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await t?.drop();
  t = undefined;
});

describe.each(TEST_DIALECTS)('worker processes on %s', (dialect) => {
  it('completes the job of a worker killed with SIGKILL mid-job, after its lease expires', async () => {
    t = await createTestDatabase(dialect);
    await createRunsTable(t);
    const db = t.handle.db;
    const { id } = await enqueue(db, { clock: systemClock, ids: randomIds }, childJob, { n: 1 });

    const doomed = await startChild(t, { QUEUE_TEST_MODE: 'hang', QUEUE_TEST_LEASE_MS: '1500' });
    children.push(doomed);
    await waitFor(
      'the first worker to start the job',
      async () => (await sql<{ c: number }>`select count(*) as c from test_runs`.execute(db)).rows[0]?.c == 1,
    );
    doomed.kill('SIGKILL');

    const rescuer = await startChild(t, { QUEUE_TEST_MODE: 'record', QUEUE_TEST_LEASE_MS: '1500' });
    children.push(rescuer);
    const job = await waitFor(
      'the job to be completed by the second worker',
      async () => {
        const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
        return row?.state === 'completed' ? row : undefined;
      },
      15_000,
    );
    expect(job.attempt).toBe(2);
    const runs = (
      await sql<{
        worker: string;
        attempt: number;
        finished_at: number | null;
      }>`select worker, attempt, finished_at from test_runs order by attempt`.execute(db)
    ).rows;
    expect(runs).toHaveLength(2);
    expect(runs[0]?.worker).toBe(`pid-${doomed.pid}`);
    expect(runs[0]?.finished_at).toBeNull();
    expect(runs[1]?.worker).toBe(`pid-${rescuer.pid}`);
    expect(runs[1]?.finished_at).not.toBeNull();
  });
});

describe.skipIf(!TEST_DIALECTS.includes('postgres'))('two worker processes on postgres', () => {
  it('never run one job twice, at the same time or at all, over 1,000 jobs', async () => {
    t = await createTestDatabase('postgres');
    await createRunsTable(t);
    const db = t.handle.db;
    await db.transaction().execute(async (trx) => {
      for (let n = 0; n < 1000; n += 1)
        await enqueue(trx, { clock: systemClock, ids: randomIds }, childJob, { n });
    });
    children.push(
      await startChild(t, { QUEUE_TEST_CONCURRENCY: '4' }),
      await startChild(t, { QUEUE_TEST_CONCURRENCY: '4' }),
    );
    await waitFor(
      'all 1,000 jobs to complete',
      async () => {
        const row = await db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('c'))
          .where('state', '=', 'completed')
          .executeTakeFirst();
        return Number(row?.c) === 1000;
      },
      60_000,
      100,
    );
    const runs = (
      await sql<{
        job_id: string;
        worker: string;
        started_at: number;
        finished_at: number;
      }>`select job_id, worker, started_at, finished_at from test_runs`.execute(db)
    ).rows;
    const perJob = new Map<string, number>();
    for (const run of runs) perJob.set(run.job_id, (perJob.get(run.job_id) ?? 0) + 1);
    expect(runs).toHaveLength(1000);
    expect([...perJob.values()].every((count) => count === 1)).toBe(true);
    // Both processes took part (otherwise the test proves nothing about concurrency).
    const workers = new Set(runs.map((r) => r.worker));
    expect(workers.size).toBe(2);
    const maxAttempt = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.max('attempt').as('m'))
      .executeTakeFirst();
    expect(Number(maxAttempt?.m)).toBe(1);
  });
});
