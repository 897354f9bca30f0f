import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/tables/database.js';

const run = promisify(execFile);

/**
 * Everything the database holds, as text to search for secrets. PostgreSQL: `pg_dump` (what a backup
 * contains) when it is installed, else every row of every table. SQLite: every row of every table, plus
 * the raw bytes of the database file and its WAL, so even free pages are searched.
 */
export async function dumpDatabase(
  db: Kysely<Database>,
  databaseUrl: string,
  options: { readonly rawFiles?: boolean } = {},
): Promise<{ text: string; how: string }> {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
      db,
    );
    const rows = await Promise.all(
      tables.rows.map(async (t) => JSON.stringify(await sql.raw(`select * from "${t.name}"`).execute(db))),
    );
    // rawFiles: false reads the rows only (values replaced in place may linger in free pages until VACUUM).
    const raw = [file, `${file}-wal`]
      .filter((f) => options.rawFiles !== false && fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString('latin1'));
    return {
      text: [...rows, ...raw].join('\n'),
      how: `SQLite: ${tables.rows.length} tables read row by row, plus the raw file and WAL`,
    };
  }
  try {
    const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', `--dbname=${databaseUrl}`], {
      maxBuffer: 256 * 1024 * 1024,
    });
    return { text: stdout, how: 'PostgreSQL: pg_dump --data-only' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const tables = await sql<{
    table_name: string;
  }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(db);
  const rows = await Promise.all(
    tables.rows.map(async (t) =>
      JSON.stringify(await sql.raw(`select * from "${t.table_name}"`).execute(db)),
    ),
  );
  return {
    text: rows.join('\n'),
    how: `PostgreSQL (no pg_dump): ${tables.rows.length} tables read row by row`,
  };
}

/**
 * Whether `digits` appear in `text` as a number of their own. A sealed value is base64url, which may
 * contain any digit run by chance; inside such a token the run has letters or digits on both sides.
 */
export function containsNumber(text: string, digits: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9_-])${digits}(?![A-Za-z0-9_-])`).test(text);
}
