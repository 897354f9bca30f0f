import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  TEST_DIALECTS,
  type TestDatabase,
} from '../../../test/support/test-databases.js';
import { waitFor } from '../../../test/support/wait-for.js';
import { createRateLimiter } from '../../connectors/kit/rate-limiter.js';
import { withSharedLimits } from '../../connectors/kit/shared-rate-limiter.js';
import { createDatabase, type DatabaseHandle } from '../dialects/create-database.js';
import { sharedRateLimits } from './rate-limit-store.js';

const NOW = 1_800_000_000_000;

describe.each(TEST_DIALECTS)('outbound limits shared through the database on %s', (dialect) => {
  let t: TestDatabase;
  let second: DatabaseHandle;
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
    // Another process of the same deployment: its own connection to the same database.
    second = createDatabase(t.target);
  });
  afterEach(async () => {
    await second.close();
    await t.drop();
  });

  it('allows the burst, then one call per interval, and says when the next slot comes', async () => {
    const limits = sharedRateLimits(t.handle.db);
    const limit = { intervalMs: 1_000, burst: 3 };
    const takes = [];
    for (let i = 0; i < 4; i += 1) takes.push(await limits.take('ashby:k', NOW, limit));
    expect(takes.map((x) => x.ok)).toEqual([true, true, true, false]);
    expect(takes[3]).toMatchObject({ ok: false, retryAtMs: NOW + 1_000 });
    expect(await limits.take('ashby:k', NOW + 1_000, limit)).toEqual({ ok: true });
    // Another key has its own budget.
    expect(await limits.take('ashby:other', NOW, limit)).toEqual({ ok: true });
  });

  it('two processes racing for one budget get exactly the burst between them', async () => {
    const a = sharedRateLimits(t.handle.db);
    const b = sharedRateLimits(second.db);
    const limit = { intervalMs: 60_000, burst: 5 };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).take('destination:d1', NOW, limit)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });

  it('a 429 pause seen by one process holds every process, and is never shortened', async () => {
    const clock = { now: () => NOW };
    const sleep = () => Promise.resolve();
    const config = { ratePerSecond: 100, burst: 10 };
    const limiterIn = (db: DatabaseHandle) =>
      withSharedLimits(createRateLimiter({ clock, sleep, defaults: config }), sharedRateLimits(db.db), {
        clock,
        sleep,
        limitFor: () => config,
        onError: (err) => {
          throw err;
        },
      });
    const first = limiterIn(t.handle);
    const other = limiterIn(second);
    expect(await other.acquire('ashby:k', { maxWaitMs: 0 })).toEqual({ ok: true });

    first.pauseUntil('ashby:k', NOW + 30_000);
    // pauseUntil writes in the background (the 429's caller does not wait for it).
    await waitFor('the pause to reach the database', async () => {
      const row = await t.handle.db
        .selectFrom('rate_limits')
        .select('paused_until')
        .where('key', '=', 'ashby:k')
        .executeTakeFirst();
      return Number(row?.paused_until) === NOW + 30_000;
    });
    await sharedRateLimits(second.db).pause('ashby:k', NOW + 5_000);
    expect(await other.acquire('ashby:k', { maxWaitMs: 0 })).toEqual({ ok: false, retryAfterMs: 30_000 });
    // The other process now holds the pause locally too.
    expect(other.pausedUntil('ashby:k')).toBe(NOW + 30_000);
  });
});
