import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/db/tables/database.js';
import { waitFor } from '../../support/wait-for.js';

/** Job counts by state, all kinds. */
export async function jobStates(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/**
 * Work left: running jobs of any kind, and waiting jobs other than the periodic reconciliation (one of
 * which always waits for its next turn).
 */
export async function pendingWork(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from jobs
    where state = 'running' or (state = 'available' and kind <> 'ashby.reconcile')`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

export async function waitForDrain(db: Kysely<Database>, timeoutMs: number): Promise<void> {
  await waitFor('the queue to drain', async () => (await pendingWork(db)) === 0, timeoutMs, 200);
}

/** New hires per application of a connection. */
export async function newHiresByApplication(
  db: Kysely<Database>,
  connectionId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('new_hires')
    .select(['application_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('connection_id', '=', connectionId)
    .groupBy('application_id')
    .execute();
  return new Map(rows.map((r) => [r.application_id, Number(r.n)]));
}

/** Exactly-once figures from new hires per application against the set that should have one. */
export function hireFigures(perApplication: Map<string, number>, hired: ReadonlySet<string>) {
  let duplicates = 0;
  let unexpected = 0;
  let newHires = 0;
  for (const [applicationId, n] of perApplication) {
    newHires += n;
    duplicates += Math.max(0, n - 1);
    if (!hired.has(applicationId)) unexpected += n;
  }
  const lost = [...hired].filter((id) => !perApplication.has(id)).length;
  return { newHires, expected: hired.size, duplicates, unexpected, lost };
}

/** The hire part of a scenario line: a new hire for an application that should have none counts as a duplicate. */
export function hireLine(h: ReturnType<typeof hireFigures>) {
  return {
    newHires: h.newHires,
    expected: h.expected,
    duplicates: h.duplicates + h.unexpected,
    lost: h.lost,
  };
}
