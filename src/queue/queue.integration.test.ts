import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../core/errors/app-error.js';
import { FakeClock, sequentialIds } from '../../test/support/fake-clock.js';
import { memoryLogger } from '../../test/support/silent-logger.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/support/test-databases.js';
import { enqueue } from './enqueue.js';
import { postgresEngine } from './engines/postgres-engine.js';
import { sqliteEngine } from './engines/sqlite-engine.js';
import { registerJob, type JobDefinition, type JobHandler } from './job-definition.js';
import { completeJob, findJob, reclaimExpiredLeases, retryDeadJob } from './job-store.js';
import { Worker } from './worker.js';

const echo: JobDefinition<{ n: number }> = {
  kind: 'test.echo',
  payload: z.object({ n: z.number() }),
  maxAttempts: 3,
  backoff: { baseMs: 1_000, capMs: 10_000 },
};

describe.each(TEST_DIALECTS)('durable queue on %s', (dialect) => {
  let t: TestDatabase;
  let clock: FakeClock;
  const ids = sequentialIds('job');
  const deps = () => ({ clock, ids });
  const engine = dialect === 'postgres' ? postgresEngine : sqliteEngine;

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    clock = new FakeClock();
  });
  afterEach(async () => {
    await t.drop();
  });

  function worker(handler: JobHandler<{ n: number }>, leaseMs = 60_000) {
    return new Worker({
      db: t.handle.db,
      engine,
      jobs: [registerJob(echo, handler)],
      clock,
      ids,
      logger: memoryLogger(),
      random: () => 0.5,
      concurrency: 2,
      leaseMs,
      pollIntervalMs: 10,
      sweepIntervalMs: 0,
    });
  }

  async function runUntilIdle(w: Worker) {
    const idle = w.whenIdle();
    w.start();
    await idle;
    await w.stop();
  }

  const claim = (limit = 10, leaseToken = ids.newId()) =>
    engine.claim(t.handle.db, {
      workerId: 'w',
      limit,
      now: clock.now(),
      leaseMs: 30_000,
      leaseToken,
      kinds: [echo.kind],
    });

  it('enqueues inside the caller transaction: rolled back with it, visible once committed', async () => {
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await enqueue(trx, deps(), echo, { n: 1 });
        throw new Error('caller failed after enqueue');
      }),
    ).rejects.toThrow('caller failed');
    expect(await t.handle.db.selectFrom('jobs').selectAll().execute()).toHaveLength(0);

    await t.handle.db.transaction().execute((trx) => enqueue(trx, deps(), echo, { n: 2 }));
    const rows = await t.handle.db.selectFrom('jobs').selectAll().execute();
    expect(rows.map((r) => [r.kind, JSON.parse(r.payload), r.state])).toEqual([
      ['test.echo', { n: 2 }, 'available'],
    ]);
  });

  it('refuses a payload that does not match the job schema', async () => {
    await expect(
      enqueue(t.handle.db, deps(), echo, { n: 'x' } as unknown as { n: number }),
    ).rejects.toThrow();
    expect(await t.handle.db.selectFrom('jobs').selectAll().execute()).toHaveLength(0);
  });

  it('treats a duplicate unique key as a no-op while one waits, and runs one more after a running one', async () => {
    const first = await enqueue(t.handle.db, deps(), echo, { n: 1 }, { uniqueKey: 'app-1' });
    const dup = await enqueue(t.handle.db, deps(), echo, { n: 2 }, { uniqueKey: 'app-1' });
    expect(first.inserted).toBe(true);
    expect(dup).toEqual({ id: first.id, inserted: false });

    const [running] = await claim();
    expect(running?.id).toBe(first.id);
    // While it runs, a new request for the same key is kept (the data may have changed meanwhile)...
    const later = await enqueue(t.handle.db, deps(), echo, { n: 3 }, { uniqueKey: 'app-1' });
    expect(later.inserted).toBe(true);
    // ...but is not started in parallel with the running one.
    expect(await claim()).toHaveLength(0);
    expect(
      await completeJob(t.handle.db, { id: first.id, leaseToken: running?.lease_token ?? '' }, clock.now()),
    ).toBe(true);
    const next = await claim();
    expect(next.map((j) => j.id)).toEqual([later.id]);
  });

  it('retries with backoff, then keeps the job dead with its last error; a hand retry runs it again', async () => {
    let calls = 0;
    const w = worker(async () => {
      calls += 1;
      throw new Error(`boom ${calls}`);
    });
    const { id } = await enqueue(t.handle.db, deps(), echo, { n: 1 });
    await runUntilIdle(w);
    let job = await findJob(t.handle.db, id);
    expect(job?.state).toBe('available');
    expect(job?.attempt).toBe(1);
    // Equal jitter with random=0.5 over base 1 s: 750 ms after the failure.
    expect(job?.run_at).toBe(clock.now() + 750);

    for (let i = 0; i < 2; i += 1) {
      clock.advance(60_000);
      await runUntilIdle(w);
    }
    job = await findJob(t.handle.db, id);
    expect(job?.state).toBe('dead');
    expect(job?.attempt).toBe(3);
    expect(job?.last_error).toBe('Error: boom 3');
    expect(calls).toBe(3);

    expect(await retryDeadJob(t.handle.db, id, clock.now())).toBe(true);
    expect(await retryDeadJob(t.handle.db, id, clock.now())).toBe(false);
    const ok = worker(async () => undefined);
    await runUntilIdle(ok);
    expect((await findJob(t.handle.db, id))?.state).toBe('completed');
  });

  it('sends a permanent failure straight to dead and a snooze back without spending the attempt', async () => {
    const permanent = await enqueue(t.handle.db, deps(), echo, { n: 1 });
    const snoozed = await enqueue(t.handle.db, deps(), echo, { n: 2 });
    const w = worker(async ({ n }) => {
      if (n === 1) throw new AppError('upstream_permanent', 'Ashby refused the key');
      return { kind: 'snooze', untilMs: clock.now() + 5_000, reason: 'rate limited' };
    });
    await runUntilIdle(w);
    const dead = await findJob(t.handle.db, permanent.id);
    expect([dead?.state, dead?.attempt, dead?.last_error]).toEqual([
      'dead',
      1,
      'upstream_permanent: Ashby refused the key',
    ]);
    const later = await findJob(t.handle.db, snoozed.id);
    expect([later?.state, later?.attempt, later?.run_at]).toEqual(['available', 0, clock.now() + 5_000]);
  });

  it('fences a worker whose lease expired: its outcome is refused after another took the job over', async () => {
    const { id } = await enqueue(t.handle.db, deps(), echo, { n: 1 });
    const [zombie] = await claim(1, 'lease-A');
    clock.advance(31_000);
    expect(await reclaimExpiredLeases(t.handle.db, clock.now())).toBe(1);
    const [taker] = await claim(1, 'lease-B');
    expect(taker?.id).toBe(id);
    expect(taker?.attempt).toBe(2);
    expect(await completeJob(t.handle.db, { id, leaseToken: zombie?.lease_token ?? '' }, clock.now())).toBe(
      false,
    );
    expect(await completeJob(t.handle.db, { id, leaseToken: 'lease-B' }, clock.now())).toBe(true);
    expect((await findJob(t.handle.db, id))?.state).toBe('completed');
  });

  it('puts a job whose lease expired on its last attempt into dead, keeping why', async () => {
    const { id } = await enqueue(t.handle.db, deps(), { ...echo, maxAttempts: 1 }, { n: 1 });
    await claim(1);
    clock.advance(31_000);
    await reclaimExpiredLeases(t.handle.db, clock.now());
    const job = await findJob(t.handle.db, id);
    expect([job?.state, job?.last_error]).toEqual([
      'dead',
      'lease expired on the last attempt (worker stopped)',
    ]);
  });

  it('deletes completed jobs once past retention, keeping dead, waiting and younger completed ones', async () => {
    const day = 24 * 60 * 60_000;
    const w = new Worker({
      db: t.handle.db,
      engine,
      jobs: [
        registerJob(echo, ({ n }) => {
          if (n === 2) return Promise.reject(new AppError('validation_failed', 'bad'));
          return Promise.resolve();
        }),
      ],
      clock,
      ids,
      logger: memoryLogger(),
      random: () => 0.5,
      concurrency: 2,
      leaseMs: 60_000,
      pollIntervalMs: 10,
      sweepIntervalMs: 0,
      retentionMs: 7 * day,
    });
    await enqueue(t.handle.db, deps(), echo, { n: 1 });
    await enqueue(t.handle.db, deps(), echo, { n: 2 });
    await runUntilIdle(w);
    clock.advance(6 * day);
    await enqueue(t.handle.db, deps(), echo, { n: 3 });
    await runUntilIdle(w);
    await enqueue(t.handle.db, deps(), echo, { n: 4 }, { runAt: clock.now() + 30 * day });
    const states = async () =>
      (await t.handle.db.selectFrom('jobs').select(['payload', 'state']).orderBy('payload').execute()).map(
        (r) => `${r.payload}:${r.state}`,
      );
    expect(await states()).toEqual([
      '{"n":1}:completed',
      '{"n":2}:dead',
      '{"n":3}:completed',
      '{"n":4}:available',
    ]);

    // Eight days after the first two finished: n=1 is past retention, n=3 (two days old) is not.
    clock.advance(2 * day);
    await runUntilIdle(w);
    expect(await states()).toEqual(['{"n":2}:dead', '{"n":3}:completed', '{"n":4}:available']);
  });
});
