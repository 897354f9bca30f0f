import type { Kysely } from 'kysely';
import { insertTestConnection } from '../support/test-connection.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMapping } from '../../src/core/mapping/default-mapping.js';
import type { MappingSpec } from '../../src/core/mapping/mapping-spec.js';
import { mappingStore } from '../../src/db/stores/mapping-store.js';
import type { MemberHistoryResponse } from '../../src/contract/member-files.js';
import { insertMemberRow } from '../../src/db/repositories/directory.repository.js';
import { directoryData } from '../../src/db/stores/directory-store.js';
import { newHireData } from '../../src/db/stores/new-hire-store.js';
import { resealPersonalData } from '../../src/db/stores/personal-data-reseal.js';
import type { Database } from '../../src/db/tables/database.js';
import { containsNumber, dumpDatabase } from '../support/database-dump.js';
import { bearerApi } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

interface MemberBody {
  id: string;
  fields: Record<string, unknown>;
}

const SALARY = '73591846';
const RAISE = '73591999';
/** As typed in the CSV; HireBridge keeps and answers it in international form (E.164). */
const PHONE_TYPED = '+44 7700 900123';
const PHONE = '+447700900123';

const FILE = [
  'firstName,lastName,personalEmail,personalPhone,salaryAmount,salaryCurrency,jobTitle',
  `Ada,Lovelace,ada@example.com,${PHONE_TYPED},${SALARY},EUR,Engineer`,
].join('\n');

/** A member row as HireBridge wrote it before sealing: every value in plaintext. */
async function insertPlaintextMember(db: Kysely<Database>, id: string, fields: Record<string, unknown>) {
  await insertMemberRow(db, {
    id,
    fields: JSON.stringify(fields),
    name_key: `${String(fields['firstName'])} ${String(fields['lastName'])}`.toLowerCase(),
    personal_email_key: null,
    work_email_key: null,
    department_id: null,
    location_id: null,
    manager_id: null,
    ashby_connection_id: null,
    ashby_candidate_id: null,
    ashby_application_id: null,
    new_hire_id: null,
    created_at: 1,
    updated_at: 1,
  });
}

describe.each(TEST_DIALECTS)('Personal data at rest on %s', (dialect) => {
  let server: TestServer;
  let api: ReturnType<typeof bearerApi>;
  let ada: MemberBody;
  // The rows as a dump shows them; the first test also searches SQLite's raw file and WAL.
  const dump = async (rawFiles = false) =>
    (await dumpDatabase(server.container.database.db, server.env['DATABASE_URL']!, { rawFiles })).text;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    api = bearerApi(server.url, await server.token('admin'));
    expect(
      (await api('/api/v1/members/import', { method: 'POST', body: JSON.stringify({ csv: FILE }) })).status,
    ).toBe(200);
    const list = await api<{ items: MemberBody[] }>('/api/v1/members?q=ada');
    ada = list.body.items[0]!;
    await insertTestConnection(server.container.database.db, 'conn-sensitive');
  }, 60_000);
  afterAll(async () => {
    await server?.dispose();
  });

  it('keeps salary and personal phone sealed in the database and readable through the API', async () => {
    expect(ada.fields['salaryAmount']).toBe(Number(SALARY));
    expect(ada.fields['personalPhone']).toBe(PHONE);
    // Salary changes reach a member's history and pending updates from Ashby, and a new hire's history
    // from edits: written here through the stores the use cases use.
    const db = server.container.database.db;
    const seal = server.container.seal;
    const salaryChange = { salaryAmount: { from: Number(SALARY), to: Number(RAISE) } };
    await directoryData(db, seal).addMemberHistory({
      id: 'mh-1',
      memberId: ada.id,
      at: 1,
      actor: 'admin',
      kind: 'edited',
      changes: salaryChange,
    });
    await newHireData(db, seal).insertNewHire({
      id: 'nh-1',
      connectionId: 'conn-sensitive',
      applicationId: 'app-1',
      candidateId: 'cand-1',
      offerId: null,
      status: 'in_review',
      fields: {
        firstName: {
          value: 'Ada',
          source: { ruleId: 'r1', description: 'Ashby candidate › name', usedDefault: false },
        },
        salaryAmount: {
          value: Number(RAISE),
          source: { ruleId: 'r2', description: 'Ashby offer › salary', usedDefault: false },
        },
      },
      missingRequired: [],
      editedFields: [],
      memberId: null,
      ashbyRefs: { departmentId: null, locationId: null, hiringManagerUserId: null },
      importedAt: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    await newHireData(db, seal).addHistory({
      id: 'nhh-1',
      newHireId: 'nh-1',
      at: 1,
      actor: 'admin',
      kind: 'edited',
      changes: salaryChange,
    });
    const history = await api<MemberHistoryResponse>(`/api/v1/members/${ada.id}/history`);
    expect(JSON.stringify(history.body)).toContain(RAISE);
    const hire = await api<{ fields: Record<string, { value: unknown }> }>('/api/v1/new-hires/nh-1');
    expect(hire.body.fields['salaryAmount']?.value).toBe(Number(RAISE));

    const text = await dump(true);
    expect(text).toContain('Lovelace'); // names stay searchable, in plaintext
    expect(text).toContain('ada@example.com');
    expect(containsNumber(text, SALARY)).toBe(false);
    expect(containsNumber(text, RAISE)).toBe(false);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain('7700900123');
    expect(text).toContain('$sealed');
    // Still found by name after the edit.
    const found = await api<{ items: MemberBody[] }>('/api/v1/members?q=lovelace');
    expect(found.body.items.map((m) => m.id)).toEqual([ada.id]);
  });

  it('seals plaintext rows written before the upgrade, once (the pass is idempotent)', async () => {
    const db = server.container.database.db;
    await insertPlaintextMember(db, 'legacy-member', {
      firstName: 'Old',
      lastName: 'Row',
      salaryAmount: 41122334,
      personalPhone: '555 0101',
    });
    expect(containsNumber(await dump(), '41122334')).toBe(true);
    const seal = server.container.seal;
    expect(await resealPersonalData(db, seal)).toBe(1);
    expect(await resealPersonalData(db, seal)).toBe(0);
    const text = await dump();
    expect(containsNumber(text, '41122334')).toBe(false);
    expect(text).not.toContain('555 0101');
    const legacy = await api<MemberBody>('/api/v1/members/legacy-member');
    expect(legacy.body.fields).toMatchObject({ salaryAmount: 41122334, personalPhone: '555 0101' });
  });

  it('seals a custom field an admin marks sensitive, including values stored before the mark', async () => {
    const db = server.container.database.db;
    await insertPlaintextMember(db, 'badge-member', {
      firstName: 'Badge',
      lastName: 'Holder',
      badgeNumber: 'BADGE-77123',
    });
    expect(await dump()).toContain('BADGE-77123');
    const badge = {
      key: 'badgeNumber',
      label: 'Badge',
      section: 'basics',
      type: 'string',
      required: false,
    } as const;
    const spec: MappingSpec = {
      ...defaultMapping(),
      customTargets: [{ ...badge, sensitive: true }],
    };
    const saved = await mappingStore(db, server.container.seal).save(
      { connectionId: 'conn-sensitive', revision: 1, spec, savedAt: 3, savedBy: 'admin' },
      {
        id: 'a-1',
        at: 3,
        actor: 'admin',
        action: 'mapping.save',
        targetType: 'connection',
        targetId: 'conn-sensitive',
        details: {},
      },
    );
    expect(saved).toBe(true);
    expect(await dump()).not.toContain('BADGE-77123');
    const member = await api<MemberBody>('/api/v1/members/badge-member');
    expect(member.body.fields['badgeNumber']).toBe('BADGE-77123');
  });
});
