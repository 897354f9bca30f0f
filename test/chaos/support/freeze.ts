import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { waitFor } from '../../support/wait-for.js';
import type { ChaosInstall } from './chaos-install.js';
import { scaled } from './chaos-settings.js';
import type { HireBridgeProcess } from './hirebridge-process.js';

/**
 * SIGSTOPs `process` at a moment when `ready()` holds and the process is not inside a database write.
 *
 * A process frozen inside a write keeps its lock: on SQLite every other process then waits on the
 * database file, on PostgreSQL the rows it touched stay locked. That is a different failure (a stuck
 * writer) from the one a zombie scenario is about (a worker past its lease), and its timing is chance:
 * a heartbeat, claim or sweep is in progress a few percent of the time, more on a loaded machine. So the
 * freeze is checked: if the database still shows a write or transaction in progress after a short bounded
 * wait, the process is thawed and frozen again at the next moment `ready()` holds.
 * On PostgreSQL only a transaction waiting for the frozen client counts ('idle in transaction'): a
 * statement the server is still running (an autocommit heartbeat, say) commits without the client, so
 * it is not a held lock. Counting those too failed soak run 4 of 10 on a loaded machine ("inside a
 * database write at each of 5 freezes") with nothing held.
 */
export async function freezeOutsideWrites(
  process: HireBridgeProcess,
  inst: ChaosInstall,
  ready: () => Promise<boolean>,
  what: string,
): Promise<void> {
  const attempts = 10;
  let held = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await waitFor(what, ready, scaled(10_000));
    process.signal('SIGSTOP');
    const free = await waitFor(
      `no database write in progress after freezing pid ${process.pid}`,
      () => noWriteInProgress(inst),
      scaled(1_000),
      20,
    ).then(
      () => true,
      () => false,
    );
    if (free) return;
    held = await openTransactions(inst);
    process.signal('SIGCONT');
  }
  throw new Error(
    `pid ${process.pid} was inside a database write at each of ${attempts} freezes (last seen: ${held})`,
  );
}

const WAITING_FOR_CLIENT = sql`state in ('idle in transaction', 'idle in transaction (aborted)')`;

/** For the failure message: what the open transactions were running (PostgreSQL), or SQLite's lock. */
async function openTransactions(inst: ChaosInstall): Promise<string> {
  if ((inst.env['DATABASE_URL'] ?? '').startsWith('sqlite:')) return 'the SQLite write lock';
  const open = await sql<{ state: string; query: string }>`select state, left(query, 120) as query
    from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
    and ${WAITING_FOR_CLIENT}`.execute(inst.db);
  return JSON.stringify(open.rows);
}

async function noWriteInProgress(inst: ChaosInstall): Promise<boolean> {
  const url = inst.env['DATABASE_URL'] ?? '';
  if (url.startsWith('sqlite:')) {
    // A connection of its own that does not wait: BEGIN IMMEDIATE fails at once while a writer holds the lock.
    const probe = new SQLite(url.slice('sqlite:'.length), { timeout: 0 });
    try {
      probe.exec('begin immediate');
      probe.exec('rollback');
      return true;
    } catch {
      return false;
    } finally {
      probe.close();
    }
  }
  const open = await sql<{ n: number }>`select count(*) as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and ${WAITING_FOR_CLIENT}`.execute(
    inst.db,
  );
  return Number(open.rows[0]?.n ?? 0) === 0;
}
