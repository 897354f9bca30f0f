import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sequentialIds } from '../../test/support/fake-clock.js';
import { memoryLogger } from '../../test/support/silent-logger.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/support/test-databases.js';
import { waitFor } from '../../test/support/wait-for.js';
import { createDatabase, type DatabaseHandle } from '../db/dialects/create-database.js';
import { enqueue } from './enqueue.js';
import { postgresEngine } from './engines/postgres-engine.js';
import { registerJob, type JobDefinition } from './job-definition.js';
import { workerWakeups } from './wakeups.js';
import { Worker } from './worker.js';

const ping: JobDefinition<{ n: number }> = {
  kind: 'test.ping',
  payload: z.object({ n: z.number() }),
  maxAttempts: 3,
  backoff: { baseMs: 1_000, capMs: 10_000 },
};
/** Far longer than the wait below: a job that runs in time was woken, not polled. */
const SLOW_POLL_MS = 120_000;

describe.runIf(TEST_DIALECTS.includes('postgres'))('workers woken across processes (LISTEN/NOTIFY)', () => {
  let t: TestDatabase;
  let other: DatabaseHandle;
  const closers: (() => Promise<void>)[] = [];
  const clock = { now: () => Date.now() };
  const ids = sequentialIds('wake');

  beforeEach(async () => {
    t = await createTestDatabase('postgres');
    // A second pool on the same database stands for another instance (a web process).
    other = createDatabase(t.target);
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await other.close();
    await t.drop();
  });

  function wakeupsOn(db: DatabaseHandle) {
    const url = t.target.dialect === 'postgres' ? t.target.url : undefined;
    const w = workerWakeups({ db: db.db, logger: memoryLogger(), postgresUrl: url });
    closers.push(w.close);
    return w;
  }

  it('a job queued by another instance starts without waiting for the poll', async () => {
    const ran: number[] = [];
    const workerSide = wakeupsOn(t.handle);
    const worker = new Worker({
      db: t.handle.db,
      engine: postgresEngine,
      jobs: [registerJob(ping, async ({ n }) => void ran.push(n))],
      clock,
      ids,
      logger: memoryLogger(),
      random: () => 0.5,
      concurrency: 1,
      leaseMs: 30_000,
      pollIntervalMs: SLOW_POLL_MS,
    });
    workerSide.add(worker);
    closers.push(() => worker.stop());
    const idle = worker.whenIdle();
    worker.start();
    await idle;
    await waitFor('the LISTEN connection', () => workerSide.isListening());

    const webSide = wakeupsOn(other);
    await other.db.transaction().execute((trx) => enqueue(trx, { clock, ids }, ping, { n: 7 }));
    webSide.jobsQueued();

    await waitFor('the job to run', () => ran.length === 1, 15_000);
    expect(ran).toEqual([7]);
  });

  it('polls every 2 s on PostgreSQL, where notifications carry the latency', () => {
    expect(wakeupsOn(t.handle).pollIntervalMs).toBe(2_000);
  });
});
