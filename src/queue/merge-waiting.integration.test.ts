import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, sequentialIds } from '../../test/support/fake-clock.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/support/test-databases.js';
import { jobCatalog } from '../jobs/catalog.js';
import { enqueue } from './enqueue.js';

/**
 * One waiting import does what every request folded into it asked (jobs/catalog.ts `mergeWaiting`): a
 * backfill's import (quiet, with a start-date cutoff) that a webhook's joins becomes a live import, and a
 * backfill's joining a live one changes nothing.
 */
const importKind = jobCatalog['ashby.application.import'];
const key = importKind.uniqueKey({ connectionId: 'c1', applicationId: 'a1' });
const live = { connectionId: 'c1', applicationId: 'a1' };
const backfill = (startsOnOrAfter: string) => ({ ...live, quiet: true, startsOnOrAfter });

describe.each(TEST_DIALECTS)('folding an import into a waiting one, on %s', (dialect) => {
  let t: TestDatabase;
  const clock = new FakeClock();
  const ids = sequentialIds('mw');
  beforeEach(async () => {
    t = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await t.drop();
  });

  const add = (payload: Parameters<typeof importKind.payload.parse>[0]) =>
    enqueue(t.handle.db, { clock, ids }, importKind, importKind.payload.parse(payload), { uniqueKey: key });
  const payloads = async () =>
    (await t.handle.db.selectFrom('jobs').select('payload').execute()).map(
      (r) => JSON.parse(r.payload) as unknown,
    );

  it("makes a waiting backfill import live when a webhook's joins it", async () => {
    expect((await add(backfill('2026-12-06'))).inserted).toBe(true);
    expect((await add(live)).inserted).toBe(false);
    expect(await payloads()).toEqual([live]);
  });

  it("keeps a waiting live import live when a backfill's joins it", async () => {
    await add(live);
    await add(backfill('2026-12-06'));
    expect(await payloads()).toEqual([live]);
  });

  it('keeps the earlier cutoff of two backfills', async () => {
    await add(backfill('2026-12-06'));
    await add(backfill('2026-01-01'));
    expect(await payloads()).toEqual([backfill('2026-01-01')]);
  });
});
