import type { Kysely } from 'kysely';
import type { Database } from './tables/database.js';

/** What a store bound to a handle may ask of the transaction it runs in. */
export interface TransactionHooks {
  /** Runs `fn` once the transaction has committed; at once when the handle is not a transaction. */
  readonly afterCommit: (fn: () => void) => void;
}

export type BindData<Data> = (handle: Kysely<Database>, hooks: TransactionHooks) => Data;

/** The shape every unit-of-work port (InboxStore, AccountStore...) has: one transaction, or plain reads. */
export interface Transactor<Data> {
  transaction<T>(work: (data: Data) => Promise<T>): Promise<T>;
  read<T>(work: (data: Data) => Promise<T>): Promise<T>;
}

const immediately: TransactionHooks = { afterCommit: (fn) => fn() };

/**
 * Binds a store's data operations to one transaction per unit of work, so a use case's writes, its
 * audit entry and its follow-up jobs commit together. `afterCommit` callbacks run only after a commit.
 */
export function transactor<Data>(db: Kysely<Database>, bind: BindData<Data>): Transactor<Data> {
  return {
    transaction: async (work) => {
      const after: (() => void)[] = [];
      const result = await db
        .transaction()
        .execute((trx) => work(bind(trx, { afterCommit: (fn) => after.push(fn) })));
      for (const fn of after) fn();
      return result;
    },
    read: (work) => work(bind(db, immediately)),
  };
}

interface Waiting<Data> {
  readonly work: (data: Data) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * A transactor whose concurrent transactions share one commit (SQLite intake). Work that arrives while a
 * transaction is being written runs in the next one, so N concurrent units cost one commit instead of N.
 * A SQLite commit is an fsync (synchronous=FULL) that better-sqlite3 waits for on the event loop, so one
 * transaction per delivery capped intake at one delivery per fsync (bench/: several times the deliveries
 * per second with batching). Each unit is still answered only after the commit that holds it, and a batch
 * that fails is retried one unit per transaction, so one bad unit cannot fail its neighbours. PostgreSQL
 * needs none of this (its pool runs transactions in parallel and commits them together), and one
 * connection doing every statement in turn would cost a round trip each.
 */
export function groupCommitTransactor<Data>(
  db: Kysely<Database>,
  bind: BindData<Data>,
): Pick<Transactor<Data>, 'transaction'> {
  const alone = transactor(db, bind);
  let waiting: Waiting<Data>[] = [];
  let flushing = false;
  const runAlone = (w: Waiting<Data>) => alone.transaction(w.work).then(w.resolve, w.reject);
  const flush = async (): Promise<void> => {
    try {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        let results: unknown[];
        const after: (() => void)[] = [];
        try {
          results = await db.transaction().execute(async (trx) => {
            const data = bind(trx, { afterCommit: (fn) => after.push(fn) });
            const out: unknown[] = [];
            for (const w of batch) out.push(await w.work(data));
            return out;
          });
        } catch {
          // Rolled back whole: each unit again on its own, answering each with its own outcome.
          for (const w of batch) await runAlone(w);
          continue;
        }
        for (const fn of after) fn();
        batch.forEach((w, i) => w.resolve(results[i]));
      }
    } finally {
      // Reset in the same synchronous step as the empty check, so no transaction() can slip in between.
      flushing = false;
    }
  };
  return {
    transaction: <T>(work: (data: Data) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (flushing) return;
        flushing = true;
        // After the current I/O phase: units read from sockets in the same turn join this batch.
        setImmediate(() => void flush());
      }),
  };
}
