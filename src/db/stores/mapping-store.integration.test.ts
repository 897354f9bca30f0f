import { afterEach, describe, expect, it } from 'vitest';
import { insertTestConnection } from '../../../test/support/test-connection.js';
import { defaultMapping } from '../../core/mapping/default-mapping.js';
import type { MappingSpec } from '../../core/mapping/mapping-spec.js';
import type { AuditEntry } from '../../core/model/member.js';
import { listAuditRows } from '../repositories/inbox.repository.js';
import {
  createTestDatabase,
  TEST_DIALECTS,
  type TestDatabase,
} from '../../../test/support/test-databases.js';
import { testSeal } from '../../../test/support/test-seal.js';
import { mappingStore } from './mapping-store.js';

let testDb: TestDatabase | undefined;
afterEach(async () => {
  await testDb?.drop();
  testDb = undefined;
});

const CONNECTION = 'conn-1';

async function setUp(dialect: (typeof TEST_DIALECTS)[number]) {
  testDb = await createTestDatabase(dialect);
  const db = testDb.handle.db;
  await insertTestConnection(db, CONNECTION);
  return { db, store: mappingStore(db, testSeal()) };
}

const withoutLinkedIn = (): MappingSpec => ({
  ...defaultMapping(),
  rules: defaultMapping().rules.map((r) => ({ ...r, enabled: r.target !== 'linkedIn' })),
});
const revision = (n: number, spec: MappingSpec) => ({
  connectionId: CONNECTION,
  revision: n,
  spec,
  savedAt: 1_000 + n,
  savedBy: `admin ${n}`,
});
const audit = (id: string): AuditEntry => ({
  id,
  at: 1,
  actor: 'admin',
  action: 'mapping.save',
  targetType: 'connection',
  targetId: CONNECTION,
  details: { n: id },
});

describe.each(TEST_DIALECTS)('mapping store on %s', (dialect) => {
  it('keeps every revision, serves the newest, and writes the audit entry with it', async () => {
    const { db, store } = await setUp(dialect);
    expect(await store.current(CONNECTION)).toBeUndefined();
    expect(await store.save(revision(1, defaultMapping()), audit('a1'))).toBe(true);
    expect(await store.save(revision(2, withoutLinkedIn()), audit('a2'))).toBe(true);
    expect(await store.current(CONNECTION)).toEqual(revision(2, withoutLinkedIn()));
    expect(await store.current('other')).toBeUndefined();
    const rows = await db
      .selectFrom('connection_mappings')
      .select(['revision', 'saved_by'])
      .orderBy('revision')
      .execute();
    expect(rows).toEqual([
      { revision: 1, saved_by: 'admin 1' },
      { revision: 2, saved_by: 'admin 2' },
    ]);
    expect((await listAuditRows(db, { limit: 10 })).map((r) => r.id).sort()).toEqual(['a1', 'a2']);
  });

  it('refuses a revision number already taken, leaving the stored one and writing no audit entry', async () => {
    const { db, store } = await setUp(dialect);
    // Two admins saving on top of the same current revision at once: exactly one wins.
    const results = await Promise.all([
      store.save(revision(1, defaultMapping()), audit('first')),
      store.save(revision(1, withoutLinkedIn()), audit('second')),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? defaultMapping() : withoutLinkedIn();
    expect((await store.current(CONNECTION))?.spec).toEqual(winner);
    expect(await listAuditRows(db, { limit: 10 })).toHaveLength(1);
  });
});
