import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { insertTestConnection } from '../../test/support/test-connection.js';
import type { NewDelivery } from '../core/ports/delivery-intake.js';
import { findConnection } from '../db/repositories/ashby-connection.repository.js';
import { FakeClock, sequentialIds } from '../../test/support/fake-clock.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../test/support/test-databases.js';
import { waitFor } from '../../test/support/wait-for.js';
import { deliveryIntake } from './intake-wiring.js';

let testDb: TestDatabase | undefined;
afterEach(async () => {
  await testDb?.drop();
  testDb = undefined;
});

const CONNECTION = 'conn-1';

async function setUp(dialect: (typeof TEST_DIALECTS)[number]) {
  testDb = await createTestDatabase(dialect);
  const db = testDb.handle.db;
  await insertTestConnection(db, CONNECTION);
  // Counts transactions, to see that concurrent deliveries share them.
  let transactions = 0;
  const counted = new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'transaction') {
        return () => {
          transactions += 1;
          return target.transaction();
        };
      }
      // Bound to the real instance: Kysely's methods read private fields, which a proxy lacks.
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  let wakes = 0;
  const clock = new FakeClock();
  const intake = deliveryIntake(counted, clock, sequentialIds('row'), () => (wakes += 1), { dialect });
  return { db, intake, clock, transactions: () => transactions, wakes: () => wakes };
}

const delivery = (n: number, overrides: Partial<NewDelivery> = {}): NewDelivery => ({
  id: `delivery-${n}`,
  connectionId: CONNECTION,
  actionKey: `action-${n}`,
  action: 'candidateHire',
  bodySha256: 'f'.repeat(64),
  applicationId: `application-${n}`,
  ignoredBecause: null,
  receivedAt: Date.UTC(2026, 0, 1),
  ...overrides,
});

describe.each(TEST_DIALECTS)('delivery intake on %s', (dialect) => {
  it('stores concurrent deliveries each once and with its import job (SQLite: in shared commits)', async () => {
    const t = await setUp(dialect);
    const batch = [
      ...Array.from({ length: 30 }, (_, n) => delivery(n)),
      // Ashby's retry of delivery 3 (same action key and action), and another event about application 4.
      delivery(100, { actionKey: 'action-3' }),
      delivery(101, { action: 'applicationUpdate', applicationId: 'application-4', actionKey: 'action-4' }),
    ];
    const results = await Promise.all(batch.map((d) => t.intake.record(d, true)));
    expect(results.filter((r) => r.duplicate)).toHaveLength(1);
    expect(results[30]).toEqual({ duplicate: true });
    // SQLite shares commits (group commit); PostgreSQL stores each delivery in one statement, except a
    // repeat in flight at the same moment as its original, which its statement cannot see and leaves to
    // one transaction (the retry of delivery 3 here, when the two meet).
    if (dialect === 'sqlite') expect(t.transactions()).toBeLessThan(batch.length / 2);
    else expect(t.transactions()).toBeLessThanOrEqual(1);
    expect(t.wakes()).toBeGreaterThan(0);
    const rows = await t.db.selectFrom('webhook_deliveries').select('action_key').execute();
    expect(rows).toHaveLength(31);
    const jobs = await t.db.selectFrom('jobs').select('unique_key').execute();
    expect(new Set(jobs.map((j) => j.unique_key)).size).toBe(30);
    expect(jobs).toHaveLength(30);
  });

  it('queues one import per application, and settles a sibling delivery of the same event at once', async () => {
    const t = await setUp(dialect);
    // Two events about application-1 (the second joins the waiting import), then the fan-out of the first.
    expect(await t.intake.record(delivery(1, { applicationId: 'application-1' }), true)).toEqual({
      duplicate: false,
    });
    await t.intake.record(delivery(2, { applicationId: 'application-1' }), true);
    await t.intake.record(
      delivery(3, { applicationId: 'application-1', actionKey: 'action-1', action: 'applicationUpdate' }),
      true,
    );
    await t.intake.record(delivery(4, { action: 'surveySubmit', applicationId: null }), false);
    const rows = await t.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'status', 'outcome', 'processed_at'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ['delivery-1', 'queued'],
      ['delivery-2', 'queued'],
      ['delivery-3', 'processed'],
      ['delivery-4', 'ignored'],
    ]);
    expect(rows[2]?.outcome).toBe('same Ashby event as the candidateHire delivery; imported once');
    expect(rows[2]?.processed_at).toBe(Date.UTC(2026, 0, 1));
    const jobs = await t.db.selectFrom('jobs').select(['unique_key', 'state']).execute();
    expect(jobs).toEqual([{ unique_key: 'import:conn-1:application-1', state: 'available' }]);
  });

  it("turns a backfill's waiting import of the application into a live one", async () => {
    const t = await setUp(dialect);
    const live = { connectionId: CONNECTION, applicationId: 'application-1' };
    await t.db
      .insertInto('jobs')
      .values({
        id: 'job-backfill',
        kind: 'ashby.application.import',
        payload: JSON.stringify({ ...live, quiet: true, startsOnOrAfter: '2026-01-01' }),
        state: 'available',
        priority: 0,
        attempt: 0,
        max_attempts: 12,
        run_at: 0,
        unique_key: 'import:conn-1:application-1',
        created_at: 0,
        updated_at: 0,
      })
      .execute();
    await t.intake.record(delivery(1, { applicationId: 'application-1' }), true);
    const jobs = await t.db.selectFrom('jobs').select(['id', 'payload']).execute();
    expect(jobs.map((j) => [j.id, JSON.parse(j.payload) as unknown])).toEqual([['job-backfill', live]]);
  });

  it('answers a delivery only once it is committed, and a second wave after the first', async () => {
    const t = await setUp(dialect);
    const first = Promise.all([1, 2, 3].map((n) => t.intake.record(delivery(n), true)));
    const second = Promise.all([4, 5].map((n) => t.intake.record(delivery(n), false)));
    await first;
    const afterFirst = await t.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('id', 'in', ['delivery-1', 'delivery-2', 'delivery-3'])
      .execute();
    expect(afterFirst).toHaveLength(3);
    await second;
    const third = await t.intake.record(delivery(6), true);
    expect(third).toEqual({ duplicate: false });
    expect(await t.db.selectFrom('webhook_deliveries').select('id').execute()).toHaveLength(6);
  });

  it('fails only the delivery that cannot be stored, not the others in its batch', async () => {
    const t = await setUp(dialect);
    const outcomes = await Promise.allSettled([
      t.intake.record(delivery(1), true),
      // Unknown connection: the foreign key refuses it, which rolls back the shared transaction.
      t.intake.record(delivery(2, { connectionId: 'no-such-connection' }), true),
      t.intake.record(delivery(3), true),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await t.db.selectFrom('webhook_deliveries').select('id').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(['delivery-1', 'delivery-3']);
    expect(await t.db.selectFrom('jobs').select('id').execute()).toHaveLength(2);
  });

  it("notes the connection's last delivery at minute resolution, not with a write per delivery", async () => {
    const t = await setUp(dialect);
    const at = Date.UTC(2026, 0, 1, 12);
    await t.intake.record(delivery(1, { receivedAt: at }), true);
    expect((await findConnection(t.db, CONNECTION))?.last_delivery_at).toBe(at);
    await t.intake.record(delivery(2, { receivedAt: at + 30_000 }), true);
    expect((await findConnection(t.db, CONNECTION))?.last_delivery_at).toBe(at);
    await t.intake.record(delivery(3, { receivedAt: at + 61_000 }), true);
    expect((await findConnection(t.db, CONNECTION))?.last_delivery_at).toBe(at + 61_000);
  });
});

describe.runIf(TEST_DIALECTS.includes('postgres'))('delivery intake on postgres, racing instances', () => {
  it("queues no second import for a sibling delivery that raced the first one's commit", async () => {
    const t = await setUp('postgres');
    const first = delivery(1, { applicationId: 'application-1' });
    const sibling = delivery(2, {
      applicationId: 'application-1',
      actionKey: 'action-1',
      action: 'applicationUpdate',
    });
    let racing: Promise<{ duplicate: boolean }> | undefined;
    // Another instance stores the first delivery of the event with its import, and a worker claims the
    // job the moment that commits (here: already 'running' in the same transaction). The sibling arrives
    // while it is uncommitted, so its statement cannot see it.
    await t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_deliveries')
        .values({
          id: first.id,
          connection_id: CONNECTION,
          action_key: first.actionKey,
          action: first.action,
          body_sha256: first.bodySha256,
          application_id: 'application-1',
          status: 'queued',
          outcome: null,
          received_at: first.receivedAt,
          processed_at: null,
        })
        .execute();
      await trx
        .insertInto('jobs')
        .values({
          id: 'job-first',
          kind: 'ashby.application.import',
          payload: JSON.stringify({ connectionId: CONNECTION, applicationId: 'application-1' }),
          state: 'running',
          priority: 0,
          attempt: 1,
          max_attempts: 8,
          run_at: 0,
          unique_key: 'import:conn-1:application-1',
          created_at: 0,
          updated_at: 0,
        })
        .execute();
      let settled = false;
      racing = t.intake.record(sibling, true).finally(() => (settled = true));
      // The sibling's insert waits on the first one's row (one delivery per event may wait for its
      // import); without that rule it would settle at once, with an import of its own.
      await waitFor('the sibling delivery to wait for the first one, or to be stored', async () => {
        if (settled) return true;
        const { rows } = await sql<{ n: number }>`select count(*)::integer as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query like '%webhook_deliveries%'`.execute(
          t.db,
        );
        return (rows[0]?.n ?? 0) > 0;
      });
    });
    expect(await racing).toEqual({ duplicate: false });
    const rows = await t.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'status', 'outcome'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'delivery-1', status: 'queued', outcome: null },
      {
        id: 'delivery-2',
        status: 'processed',
        outcome: 'same Ashby event as the candidateHire delivery; imported once',
      },
    ]);
    const imports = await t.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'ashby.application.import')
      .execute();
    expect(imports).toEqual([{ id: 'job-first' }]);
  });
});
