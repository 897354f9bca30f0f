import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from '../tables/database.js';
import { ImmediateSqliteDialect } from './sqlite-immediate-dialect.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { syncingConnection, walSync, type LastStatement } from './sqlite-wal-sync.js';

export type Dialect = 'sqlite' | 'postgres';

export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string };

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /**
   * A consistent copy of a SQLite database taken while it is in use (SQLite's online backup API, which
   * copies page by page and restarts when a writer changes a page it already copied). PostgreSQL has
   * its own tools (pg_dump), so there it refuses.
   */
  backup(toFile: string): Promise<{ pages: number }>;
  close(): Promise<void>;
}

/** PostgreSQL int8 (OID 20): our epoch-millisecond columns fit a JS number exactly. */
const INT8_OID = 20;

export interface DatabaseOptions {
  readonly poolSize?: number;
  /**
   * SQLite: run WAL checkpoints in a worker thread this often (sqlite-checkpointer.ts), so they never
   * stall the event loop. Off when absent (tests, in-memory databases).
   */
  readonly checkpointIntervalMs?: number;
  /**
   * SQLite: fsync each commit in the thread pool, not on the event loop (sqlite-wal-sync.ts); the commit
   * still returns only once it is on disk. Off when absent (tests, in-memory databases: FULL).
   */
  readonly syncOffEventLoop?: boolean;
  /** Called when an idle PostgreSQL connection fails (the pool then replaces it). */
  readonly onIdleError?: (err: Error) => void;
}

const parseInt8AsNumber = ((oid: number, format?: 'text' | 'binary') =>
  oid === INT8_OID
    ? (value: string) => Number(value)
    : (pg.types.getTypeParser(oid, format ?? 'text') as (
        value: string,
      ) => unknown)) as typeof pg.types.getTypeParser;

export function createDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): DatabaseHandle {
  if (target.dialect === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    // A webhook we answered 2xx must survive power loss, since Ashby will not resend it: every commit is
    // on disk before it returns. FULL does that with an fsync on the event loop; with `syncOffEventLoop`
    // the same fsync runs in the thread pool instead (sqlite-wal-sync.ts), and SQLite itself is NORMAL.
    const syncOff = options.syncOffEventLoop === true && target.file !== ':memory:';
    sqlite.pragma(syncOff ? 'synchronous = NORMAL' : 'synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const checkpointer =
      options.checkpointIntervalMs !== undefined && target.file !== ':memory:'
        ? startCheckpointer(target.file, options.checkpointIntervalMs)
        : undefined;
    // With the checkpoints in their own thread, the automatic one (in the commit that fills the WAL past
    // this many pages, on the event loop) is only a backstop: 10,000 pages, about 40 MB of WAL.
    if (checkpointer) sqlite.pragma('wal_autocheckpoint = 10000');
    const statements = withStatementCache(sqlite);
    const sync = syncOff ? walSync(`${target.file}-wal`) : undefined;
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect(
        { database: statements },
        sync && ((c) => syncingConnection(c, sqlite, () => statements.last, sync)),
      ),
    });
    return {
      db,
      dialect: 'sqlite',
      backup: async (toFile) => {
        const { totalPages } = await sqlite.backup(toFile);
        return { pages: totalPages };
      },
      close: async () => {
        await checkpointer?.stop();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: options.poolSize ?? 10,
    types: { getTypeParser: parseInt8AsNumber },
  });
  // An idle client losing its connection emits 'error' on the pool; without a listener Node would crash.
  pool.on('error', (err) => options.onIdleError?.(err));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    backup: () =>
      Promise.reject(
        new Error('HireBridge runs on PostgreSQL here: back it up with pg_dump (see the README)'),
      ),
    close: () => db.destroy(),
  };
}

/**
 * better-sqlite3 with its prepared statements kept and reused by SQL text. Kysely's driver calls
 * `prepare()` for every query, and SQLite's prepare (parsing and planning) was about a tenth of the CPU
 * of a webhook delivery (bench/). Bounded, oldest first out, since a few queries are built with varying
 * SQL (IN lists). Safe because better-sqlite3 runs one statement at a time on this thread and nothing
 * here streams (a statement being iterated could not be reused).
 */
function withStatementCache(
  sqlite: SQLite.Database,
  maxStatements = 500,
): SqliteDatabase & { readonly last: LastStatement | undefined } {
  const statements = new Map<string, SQLite.Statement>();
  let last: SQLite.Statement | undefined;
  return {
    close: () => sqlite.close(),
    /** The statement handed out last: the driver runs it at once, so it is the one that just ran. */
    get last() {
      return last;
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
        if (statements.size > maxStatements) {
          const oldest = statements.keys().next();
          if (!oldest.done) statements.delete(oldest.value);
        }
      }
      last = statement;
      return statement;
    },
  };
}
