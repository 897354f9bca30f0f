import type { KyselyPlugin } from 'kysely';
import { insertTestConnection } from '../../../test/support/test-connection.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  TEST_DIALECTS,
  type TestDatabase,
} from '../../../test/support/test-databases.js';
import { insertUserOnce } from '../repositories/user.repository.js';
import { auditLog } from './audit-store.js';

let testDb: TestDatabase | undefined;
afterEach(async () => {
  await testDb?.drop();
  testDb = undefined;
});

/** Counts the statements sent, so the test sees one read per page rather than one per row. */
function statementCounter() {
  const counter = { statements: 0 };
  const plugin: KyselyPlugin = {
    // transformQuery also sees each part of a UNION; a result comes back once per statement executed.
    transformQuery: (args) => args.node,
    transformResult: (args) => {
      counter.statements += 1;
      return Promise.resolve(args.result);
    },
  };
  return { counter, plugin };
}

describe.each(TEST_DIALECTS)('The audit log store on %s', (dialect) => {
  it('names a page of targets of several kinds in one statement, and leaves the unknown unnamed', async () => {
    testDb = await createTestDatabase(dialect);
    const db = testDb.handle.db;
    await insertTestConnection(db, 'conn-1', 'Northwind Ashby');
    for (const [id, name] of [
      ['user-1', 'Dana Admin'],
      ['user-2', 'Lee Inbox'],
    ] as const) {
      await insertUserOnce(db, {
        id,
        email: `${id}@example.com`,
        email_key: `${id}@example.com`,
        name,
        role: 'admin',
        created_at: 0,
        created_by: 'test',
        password_hash: null,
        deactivated_at: null,
      });
    }
    const { counter, plugin } = statementCounter();
    const names = await auditLog(db.withPlugin(plugin)).auditTargetNames([
      { targetType: 'user', targetId: 'user-1' },
      { targetType: 'user', targetId: 'user-2' },
      { targetType: 'user', targetId: 'user-1' },
      { targetType: 'connection', targetId: 'conn-1' },
      { targetType: 'new_hire', targetId: 'gone' },
      { targetType: 'directory', targetId: 'members' },
    ]);
    expect(counter.statements).toBe(1);
    expect(names.map((n) => `${n.targetType}:${n.targetId}:${String(n.name)}`).sort()).toEqual([
      'connection:conn-1:Northwind Ashby',
      'user:user-1:Dana Admin',
      'user:user-2:Lee Inbox',
    ]);
    expect(await auditLog(db.withPlugin(plugin)).auditTargetNames([])).toEqual([]);
    expect(counter.statements).toBe(1);
  });

  it('pages by position through entries that share a time, and filters groups and actors literally', async () => {
    testDb = await createTestDatabase(dialect);
    const log = auditLog(testDb.handle.db);
    const entries = [
      { id: 'a1', at: 1_000, actor: 'user:Dana (u1)', action: 'new_hire.edit' },
      { id: 'a2', at: 1_000, actor: 'user:Dana (u1)', action: 'newXhire.edit' },
      { id: 'a3', at: 1_000, actor: 'token:100% sure (t1)', action: 'new_hire' },
      { id: 'a4', at: 1_000, actor: 'token:100x sure (t2)', action: 'new_hire.delete' },
      { id: 'a5', at: 2_000, actor: 'cli', action: 'user.role' },
      { id: 'a6', at: 2_000, actor: 'cli', action: 'users.x' },
      { id: 'a7', at: 500, actor: 'ashby', action: 'user' },
    ];
    for (const e of entries) await log.audit({ ...e, targetType: 'user', targetId: 'u1', details: {} });

    const seen: string[] = [];
    let after: { at: number; id: string } | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await log.listAudit({ limit: 2, ...(after ? { after } : {}) });
      seen.push(...page.map((e) => e.id));
      const last = page.at(-1);
      if (page.length < 2 || !last) break;
      after = { at: last.at, id: last.id };
    }
    expect(seen).toEqual(['a6', 'a5', 'a4', 'a3', 'a2', 'a1', 'a7']);

    const ids = async (filter: Parameters<typeof log.listAudit>[0]) =>
      (await log.listAudit(filter)).map((e) => e.id).sort();
    expect(await ids({ limit: 10, action: 'new_hire' })).toEqual(['a1', 'a3', 'a4']);
    expect(await ids({ limit: 10, action: 'user' })).toEqual(['a5', 'a7']);
    expect(await ids({ limit: 10, actor: '100% SURE' })).toEqual(['a3']);
    expect(await ids({ limit: 10, actor: 'dana' })).toEqual(['a1', 'a2']);
    expect(await ids({ limit: 10, from: 1_000, to: 2_000 })).toEqual(['a1', 'a2', 'a3', 'a4']);
  });
});
