import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../src/db/dialects/create-database.js';
import type { Database } from '../../src/db/tables/database.js';

/**
 * Every row of every table as text, the way `sqlite3 .dump` or `pg_dump --data-only` would show it: what
 * someone holding a copy of the database reads without the secret key.
 */
export async function dumpTables(db: Kysely<Database>, dialect: Dialect): Promise<string> {
  const tables =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    parts.push(`-- ${name}\n${rows.rows.map((r) => JSON.stringify(r)).join('\n')}`);
  }
  return parts.join('\n');
}

/**
 * Whether `digits` appear in `text` as a number of their own. A sealed value is base64url, which may
 * contain any digit run by chance; inside such a token the run has letters or digits on both sides.
 */
export function containsNumber(text: string, digits: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9_-])${digits}(?![A-Za-z0-9_-])`).test(text);
}
