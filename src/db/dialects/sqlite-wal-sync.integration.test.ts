import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../tables/database.js';
import { createDatabase, type DatabaseHandle } from './create-database.js';
import { ImmediateSqliteDialect } from './sqlite-immediate-dialect.js';
import { syncingConnection, walSync } from './sqlite-wal-sync.js';

let dir: string | undefined;
let handle: DatabaseHandle | undefined;
let kysely: Kysely<Database> | undefined;
afterEach(async () => {
  await handle?.close();
  await kysely?.destroy();
  handle = undefined;
  kysely = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});
const tempFile = () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-walsync-'));
  return path.join(dir, 'db.sqlite');
};

/** A database whose commits call `sync`, which the test holds open until it calls release(). */
function withHeldSync() {
  const sqlite = new SQLite(tempFile());
  sqlite.pragma('journal_mode = WAL');
  let last: SQLite.Statement | undefined;
  const database = {
    close: () => sqlite.close(),
    prepare: (text: string) => (last = sqlite.prepare(text)),
  };
  const held: (() => void)[] = [];
  let syncs = 0;
  const sync = () =>
    new Promise<void>((resolve) => {
      syncs += 1;
      held.push(resolve);
    });
  kysely = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database }, (c) => syncingConnection(c, sqlite, () => last, sync)),
  });
  const release = () => held.splice(0).forEach((r) => r());
  return { db: kysely, syncs: () => syncs, release };
}

describe('commits synced off the event loop', () => {
  it('answers a write only after a sync that follows its commit; reads never wait', async () => {
    const t = withHeldSync();
    const created = sql`create table t (id integer primary key, v text)`.execute(t.db);
    await new Promise((r) => setTimeout(r, 20));
    t.release();
    await created;
    const before = t.syncs();
    let answered = false;
    const write = sql`insert into t (v) values ('a')`.execute(t.db).then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    expect(t.syncs()).toBe(before + 1);
    t.release();
    await write;
    expect(answered).toBe(true);

    // A transaction syncs once, at its commit; reads (in or out of one) not at all.
    const tx = t.db.transaction().execute(async (trx) => {
      await sql`select * from t`.execute(trx);
      await sql`insert into t (v) values ('b')`.execute(trx);
      await sql`insert into t (v) values ('c') returning id`.execute(trx);
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(t.syncs()).toBe(before + 2);
    t.release();
    await tx;
    await sql`select count(*) as n from t`.execute(t.db);
    await t.db.transaction().execute((trx) => sql`select 1`.execute(trx));
    expect(t.syncs()).toBe(before + 2);
  });

  it('shares one fdatasync among concurrent callers and recovers once the WAL exists', async () => {
    const file = tempFile();
    const sync = walSync(`${file}-wal`);
    await expect(sync()).rejects.toThrow();
    handle = createDatabase({ dialect: 'sqlite', file }, { syncOffEventLoop: true });
    await sql`create table t (id integer primary key)`.execute(handle.db);
    await Promise.all([sync(), sync(), sync()]);
    const mode = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
    expect(mode.rows[0]?.synchronous).toBe(1); // NORMAL: the fsync is ours
    await sql`insert into t (id) values (1)`.execute(handle.db);
    const rows = await sql<{ id: number }>`select id from t`.execute(handle.db);
    expect(rows.rows).toEqual([{ id: 1 }]);
  });
});
