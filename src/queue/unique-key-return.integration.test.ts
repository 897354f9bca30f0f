import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeClock, sequentialIds } from '../../test/support/fake-clock.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/support/test-databases.js';
import { enqueue } from './enqueue.js';
import { postgresEngine } from './engines/postgres-engine.js';
import { sqliteEngine } from './engines/sqlite-engine.js';
import type { JobDefinition } from './job-definition.js';
import { failJob, findJob, reclaimExpiredLeases, releaseJob, snoozeJob } from './job-store.js';

/**
 * A job with a unique key may run while a second job with the same key waits (a delivery arrived during
 * the import). When the running one goes back to available (its worker died, it failed and will retry,
 * it was snoozed or released), both would be "available" under one key, which the unique index forbids.
 * Found by the kill -9 chaos scenario (test/chaos): the lease sweep's one UPDATE failed for every expired
 * job, the running job stayed running forever and its waiting twin, skipped by the claim because its key
 * was running, never ran. The waiting twin asks for the same work, so it is merged into the returning job.
 */
const keyed: JobDefinition<{ n: number }> = {
  kind: 'test.keyed',
  payload: z.object({ n: z.number() }),
  maxAttempts: 5,
  backoff: { baseMs: 1_000, capMs: 10_000 },
};

describe.each(TEST_DIALECTS)('a job returning to available while its key waits, on %s', (dialect) => {
  let t: TestDatabase;
  const clock = new FakeClock();
  const ids = sequentialIds('uk');
  const engine = dialect === 'postgres' ? postgresEngine : sqliteEngine;

  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await t.drop();
  });

  /** One job of key K running under a lease, a second one of key K waiting. */
  async function runningWithWaitingTwin() {
    const db = t.handle.db;
    const first = await enqueue(db, { clock, ids }, keyed, { n: 1 }, { uniqueKey: 'K' });
    const [claimed] = await engine.claim(db, {
      workerId: 'w1',
      limit: 1,
      now: clock.now(),
      leaseMs: 1_000,
      leaseToken: 'lease-1',
      kinds: [keyed.kind],
    });
    expect(claimed?.id).toBe(first.id);
    const twin = await enqueue(db, { clock, ids }, keyed, { n: 1 }, { uniqueKey: 'K' });
    expect(twin.inserted).toBe(true);
    // An unrelated job whose lease also expires: one conflict must not block its reclaim.
    const other = await enqueue(db, { clock, ids }, keyed, { n: 2 }, { uniqueKey: 'other' });
    await engine.claim(db, {
      workerId: 'w1',
      limit: 1,
      now: clock.now(),
      leaseMs: 1_000,
      leaseToken: 'lease-2',
      kinds: [keyed.kind],
    });
    return {
      first: first.id,
      twin: twin.id,
      other: other.id,
      lease: { id: first.id, leaseToken: 'lease-1' },
    };
  }

  async function statesOf(...jobIds: string[]) {
    return Promise.all(jobIds.map(async (id) => (await findJob(t.handle.db, id))?.state ?? 'gone'));
  }

  it('reclaims an expired lease by merging the waiting twin into it, and reclaims the others too', async () => {
    const { first, twin, other } = await runningWithWaitingTwin();
    expect(await reclaimExpiredLeases(t.handle.db, clock.now() + 5_000)).toBe(2);
    expect(await statesOf(first, twin, other)).toEqual(['available', 'gone', 'available']);
  });

  it('records a failure that will retry', async () => {
    const { first, twin, lease } = await runningWithWaitingTwin();
    expect(await failJob(t.handle.db, lease, clock.now(), 'boom', clock.now() + 1_000)).toBe(true);
    expect(await statesOf(first, twin)).toEqual(['available', 'gone']);
  });

  it('records a snooze and a release', async () => {
    const a = await runningWithWaitingTwin();
    expect(await snoozeJob(t.handle.db, a.lease, clock.now(), clock.now() + 1_000, 'rate limited')).toBe(
      true,
    );
    expect(await statesOf(a.first, a.twin)).toEqual(['available', 'gone']);
    await t.drop();
    t = await createTestDatabase(dialect);
    const b = await runningWithWaitingTwin();
    expect(await releaseJob(t.handle.db, b.lease, clock.now())).toBe(true);
    expect(await statesOf(b.first, b.twin)).toEqual(['available', 'gone']);
  });

  it('leaves the twin alone when the job goes dead, and changes nothing for a lost lease', async () => {
    const { first, twin, lease } = await runningWithWaitingTwin();
    expect(
      await failJob(t.handle.db, { ...lease, leaseToken: 'stale' }, clock.now(), 'zombie', clock.now()),
    ).toBe(false);
    expect(await statesOf(first, twin)).toEqual(['running', 'available']);
    expect(await failJob(t.handle.db, lease, clock.now(), 'for good', undefined)).toBe(true);
    expect(await statesOf(first, twin)).toEqual(['dead', 'available']);
  });
});
