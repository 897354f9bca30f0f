import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeClock, sequentialIds } from '../../test/support/fake-clock.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/support/test-databases.js';
import { enqueue } from './enqueue.js';
import { postgresEngine } from './engines/postgres-engine.js';
import type { JobDefinition } from './job-definition.js';

/**
 * An enqueue that finds a job with its key already waiting relies on that job to do the work, so the job
 * must not start before the enqueuing transaction commits: it would not see what that transaction wrote.
 * Found by the kill -9 chaos suite on PostgreSQL: a webhook delivery was stored while the waiting import
 * of its application was being claimed; the import ran without seeing it, and the delivery stayed queued
 * forever. SQLite serialises write transactions, so only PostgreSQL can interleave them.
 */
const keyed: JobDefinition<{ n: number }> = {
  kind: 'test.keyed',
  payload: z.object({ n: z.number() }),
  maxAttempts: 3,
  backoff: { baseMs: 1_000, capMs: 10_000 },
};

let t: TestDatabase | undefined;
afterEach(async () => {
  await t?.drop();
  t = undefined;
});

describe.skipIf(!TEST_DIALECTS.includes('postgres'))(
  'an enqueue that finds its key waiting, on postgres',
  () => {
    it('holds the waiting job back from claims until the enqueuing transaction commits', async () => {
      t = await createTestDatabase('postgres');
      const db = t.handle.db;
      const clock = new FakeClock();
      const ids = sequentialIds('race');
      const waiting = await enqueue(db, { clock, ids }, keyed, { n: 1 }, { uniqueKey: 'K' });
      const claim = () =>
        postgresEngine.claim(db, {
          workerId: 'w',
          limit: 1,
          now: clock.now(),
          leaseMs: 1_000,
          leaseToken: ids.newId(),
          kinds: [keyed.kind],
        });

      let commit!: () => void;
      const committed = new Promise<void>((resolve) => (commit = resolve));
      let enqueued!: (id: string) => void;
      const inside = new Promise<string>((resolve) => (enqueued = resolve));
      const transaction = db.transaction().execute(async (trx) => {
        const again = await enqueue(trx, { clock, ids }, keyed, { n: 1 }, { uniqueKey: 'K' });
        enqueued(again.inserted ? 'inserted' : again.id);
        await committed; // the caller's other writes would happen here
      });
      try {
        expect(await inside).toBe(waiting.id);
        expect(await claim()).toEqual([]); // held back while the transaction is open
      } finally {
        commit();
        await transaction;
      }
      expect((await claim()).map((j) => j.id)).toEqual([waiting.id]);
    });
  },
);
