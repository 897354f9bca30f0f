import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sequentialIds } from '../../test/support/fake-clock.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/support/test-databases.js';
import type { Clock } from '../core/ports/clock.js';
import { databaseClock, type DatabaseClock } from '../db/database-clock.js';
import { enqueue } from './enqueue.js';
import { postgresEngine } from './engines/postgres-engine.js';
import type { JobDefinition } from './job-definition.js';
import { findJob, reclaimExpiredLeases } from './job-store.js';

const work: JobDefinition<{ n: number }> = {
  kind: 'test.skew',
  payload: z.object({ n: z.number() }),
  maxAttempts: 3,
  backoff: { baseMs: 1_000, capMs: 10_000 },
};
const TEN_MINUTES = 10 * 60_000;
const LEASE_MS = 30_000;

// Several hosts share one PostgreSQL queue; SQLite is one host's file, so there is no second clock there.
describe.runIf(TEST_DIALECTS.includes('postgres'))('queue time from the PostgreSQL clock', () => {
  let t: TestDatabase;
  const clocks: DatabaseClock[] = [];
  const ids = sequentialIds('skew');
  const hostClock: Clock = { now: () => Date.now() };
  const aheadClock: Clock = { now: () => Date.now() + TEN_MINUTES };

  beforeEach(async () => {
    t = await createTestDatabase('postgres');
  });
  afterEach(async () => {
    clocks.splice(0).forEach((c) => c.stop());
    await t.drop();
  });

  async function synced(local: Clock): Promise<DatabaseClock> {
    const clock = databaseClock(t.handle.db, local);
    clocks.push(clock);
    await clock.sync();
    return clock;
  }

  it('a worker whose host clock is 10 minutes ahead steals no live lease', async () => {
    const a = await synced(hostClock);
    const b = await synced(aheadClock);
    // Both read the database's time, whatever their host says.
    expect(Math.abs(b.now() - a.now())).toBeLessThan(2_000);

    await enqueue(t.handle.db, { clock: a, ids }, work, { n: 1 });
    const claim = (clock: Clock, workerId: string) =>
      postgresEngine.claim(t.handle.db, {
        workerId,
        limit: 1,
        now: clock.now(),
        leaseMs: LEASE_MS,
        leaseToken: ids.newId(),
        kinds: [work.kind],
      });
    const [held] = await claim(a, 'worker-a');
    expect(held?.locked_by).toBe('worker-a');

    // Without the database clock, worker B's own time is past the lease: the hazard is real.
    expect(Number(held?.lease_expires_at)).toBeLessThan(aheadClock.now());
    // With it, B's sweep and claim leave the live lease alone.
    expect(await reclaimExpiredLeases(t.handle.db, b.now())).toBe(0);
    expect(await claim(b, 'worker-b')).toEqual([]);
    const after = await findJob(t.handle.db, held?.id ?? '');
    expect(after).toMatchObject({ state: 'running', locked_by: 'worker-a' });
  });

  it('a job queued by a host that runs ahead is not held back for 10 minutes', async () => {
    const ahead = await synced(aheadClock);
    const host = await synced(hostClock);
    await enqueue(t.handle.db, { clock: ahead, ids }, work, { n: 2 });
    const claimed = await postgresEngine.claim(t.handle.db, {
      workerId: 'worker-a',
      limit: 1,
      now: host.now(),
      leaseMs: LEASE_MS,
      leaseToken: ids.newId(),
      kinds: [work.kind],
    });
    expect(claimed).toHaveLength(1);
  });
});
