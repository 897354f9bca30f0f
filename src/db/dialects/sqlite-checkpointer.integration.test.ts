import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/wait-for.js';
import { createDatabase, type DatabaseHandle } from './create-database.js';

let handle: DatabaseHandle | undefined;
let dir: string | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('SQLite WAL checkpoints in a worker thread', () => {
  it('copies committed pages into the database file without a checkpoint on the writing connection', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-checkpoint-'));
    const file = path.join(dir, 'db.sqlite');
    handle = createDatabase({ dialect: 'sqlite', file }, { checkpointIntervalMs: 50 });
    const { db } = handle;
    await sql`create table blobs (id integer primary key, body text not null)`.execute(db);
    const sizeBefore = fs.statSync(file).size;
    // About 2 MB, far under the 10,000-page autocheckpoint: only the worker can move it into the file.
    for (let i = 0; i < 200; i++)
      await sql`insert into blobs (body) values (${'x'.repeat(10_000)})`.execute(db);
    await waitFor(
      'the database file to grow',
      () => fs.statSync(file).size > sizeBefore + 1_500_000,
      5_000,
      20,
    );
    const autocheckpoint = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    expect(autocheckpoint.rows[0]?.wal_autocheckpoint).toBe(10_000);
    // Closing stops the thread (a hung worker would keep this test from ending).
    await handle.close();
    handle = undefined;
  });
});
