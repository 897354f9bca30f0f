import fs from 'node:fs/promises';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';

/**
 * The durability of `synchronous = FULL` without its fsync on the event loop.
 *
 * In WAL mode, FULL differs from NORMAL in one thing: after writing a commit's frames to the WAL, SQLite
 * fsyncs the WAL before the commit returns. better-sqlite3 is synchronous, so that fsync (and every request
 * behind it) waited on the main thread: the intake's throughput followed the disk's fsync time, and under
 * a busy disk its p99 did too (bench/). Here the connection runs with NORMAL (frames written, not synced)
 * and a commit's promise resolves only after an fdatasync of the WAL file that started after the commit,
 * run by libuv's thread pool: the same frames are on disk before anyone is answered, and the event loop
 * keeps serving meanwhile. Commits waiting at the same time share one fdatasync. A crash between the
 * commit and the sync loses only what nobody was answered for (it is the crash FULL would have met
 * inside its fsync). SQLite still syncs the WAL itself before each checkpoint.
 */
export function walSync(walFile: string): () => Promise<void> {
  let handle: Promise<fs.FileHandle> | undefined;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const syncNow = async () => {
    // Opened on first use: the WAL exists once something was written. The file stays the same while a
    // connection is open (a checkpoint rewinds it in place; only the last connection to close deletes it).
    handle ??= fs.open(walFile, 'r+');
    try {
      await (await handle).datasync();
    } catch (err) {
      handle = undefined;
      throw err;
    }
  };
  const sync = (): Promise<void> => {
    if (running === undefined) {
      running = syncNow().finally(() => {
        running = undefined;
      });
      return running;
    }
    // A sync is running but may have started before this commit: wait for the one after it.
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return sync();
      });
    return next;
  };
  return sync;
}

/** What the statement cache tells about the statement it handed out last (see create-database.ts). */
export interface LastStatement {
  /** False when the statement may write (sqlite3_stmt_readonly); BEGIN and COMMIT count as read-only. */
  readonly readonly: boolean;
}

/**
 * The Kysely connection with the WAL sync after every commit that wrote: an autocommit write, or the
 * end of a transaction in which some statement wrote.
 */
export function syncingConnection(
  inner: DatabaseConnection,
  sqlite: { readonly inTransaction: boolean },
  lastStatement: () => LastStatement | undefined,
  sync: () => Promise<void>,
): DatabaseConnection {
  let wroteInTransaction = false;
  return {
    executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
      const wasInTransaction = sqlite.inTransaction;
      const result = await inner.executeQuery<R>(query);
      const wrote = lastStatement()?.readonly === false;
      if (sqlite.inTransaction) {
        // BEGIN IMMEDIATE counts as a write (it takes the write lock): only statements inside count.
        if (wasInTransaction) wroteInTransaction ||= wrote;
        return result;
      }
      const committed = wrote || wroteInTransaction;
      wroteInTransaction = false;
      if (committed) await sync();
      return result;
    },
    streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
  };
}
