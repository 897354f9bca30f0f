import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  createDatabase,
  type DatabaseHandle,
  type DatabaseTarget,
  type Dialect,
} from '../../src/db/dialects/create-database.js';
import { migrateToLatest } from '../../src/db/migrations/migrator.js';

/**
 * Every database test runs on both dialects (the Kysely test-setup pattern). Narrow it locally with
 * HIREBRIDGE_TEST_DIALECTS=sqlite; CI runs both and fails if PostgreSQL is unreachable.
 */
export const TEST_DIALECTS: readonly Dialect[] = (
  process.env['HIREBRIDGE_TEST_DIALECTS'] ?? 'sqlite,postgres'
)
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgres');

/** The server CI provides: trust auth on 127.0.0.1, database `test`. */
export const ADMIN_POSTGRES_URL =
  process.env['HIREBRIDGE_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly target: DatabaseTarget;
  readonly handle: DatabaseHandle;
  /** Closes the handle and removes the database. */
  drop(): Promise<void>;
}

/** A fresh, empty database: a temp SQLite file, or a new PostgreSQL database created for this test. */
export async function createTestTarget(
  dialect: Dialect,
): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const name = `hb_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-test-'));
    return {
      target: { dialect: 'sqlite', file: path.join(dir, `${name}.sqlite`) },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: ADMIN_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    target: { dialect: 'postgres', url: url.toString() },
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A fresh database with every migration applied. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const { target, drop } = await createTestTarget(dialect);
  const handle = createDatabase(target);
  await migrateToLatest(handle.db);
  return {
    target,
    handle,
    drop: async () => {
      await handle.close();
      await drop();
    },
  };
}
