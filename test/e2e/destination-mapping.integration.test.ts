import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCharthopFake, type CharthopFake } from '../../src/connectors/charthop/fake/charthop-fake.js';
import { startHibobFake, type HibobFake } from '../../src/connectors/hibob/fake/hibob-fake.js';
import { startHumaansFake, type HumaansFake } from '../../src/connectors/humaans/fake/humaans-fake.js';
import {
  startPeopleforceFake,
  type PeopleforceFake,
} from '../../src/connectors/peopleforce/fake/peopleforce-fake.js';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // complete
const OLUWASEUN = 'cec15da7-4ddc-5495-a088-806dff7a598f'; // complete

interface Rule {
  target: string;
  from: string[];
  list?: string;
}
interface Mapping {
  rules: Rule[];
  isPreset: boolean;
  preset: Rule[];
  targets: string;
  sourceFields: { key: string; label: string }[];
}
interface Preview {
  requests: { step: string; method: string; path: string; body: Record<string, unknown> }[];
  notes: string[];
  atPush: string[];
  missing: string[];
}
interface ErrorBody {
  error: { code: string; message: string; details?: { problems?: { field: string; message: string }[] } };
}

/**
 * Field mapping, settings and preview of the HR destinations, over real HTTP with each fake as a real
 * server: the preset is read, a bad rule is refused by number and target (nothing saved), a custom field
 * rule is saved (audited) and reaches the preview, the preview sends nothing, and the saved mapping is
 * what the push sends.
 */
describe.each(TEST_DIALECTS)('Destination mapping, settings and preview on %s', (dialect) => {
  let h: IntakeHarness;
  let hibob: HibobFake;
  let humaans: HumaansFake;
  let peopleforce: PeopleforceFake;
  let charthop: CharthopFake;
  const ids: Record<string, string> = {};
  let memberId: string;

  const json = (method: string, body?: unknown): RequestInit => ({
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const fakeCalls = () =>
    hibob.requests.length + humaans.requests.length + peopleforce.calls.length + charthop.calls.length;

  beforeAll(async () => {
    h = await startIntakeHarness(dialect, {
      env: {
        ALLOW_PRIVATE_OUTBOUND: 'true',
        DESTINATION_RETRY_BASE_MS: '20',
        DESTINATION_TIMEOUT_MS: '2000',
      },
    });
    hibob = await startHibobFake({ writesPerMinute: 1000, searchesPerMinute: 1000 });
    humaans = await startHumaansFake();
    peopleforce = await startPeopleforceFake();
    charthop = await startCharthopFake();
    const add = async (type: string, baseUrl: string, credentials: Record<string, string>) => {
      const added = await h.api<{ id: string }>(
        '/api/v1/destinations',
        json('POST', { type, name: type, baseUrl, credentials, enabled: false }),
      );
      if (added.status !== 201) throw new Error(`add ${type}: ${added.status}`);
      ids[type] = added.body.id;
    };
    await add('hibob', hibob.url, { ...hibob.credentials });
    await add('humaans', humaans.url, { apiToken: humaans.apiToken });
    await add('peopleforce', peopleforce.url, { apiKey: peopleforce.apiKey });
    await add('charthop', charthop.url, { apiToken: charthop.apiToken, orgId: charthop.orgId });
    h.sim.hire(ANNA);
    await h.settle();
    const list = await h.api<{ items: { id: string; source: { applicationId: string } }[] }>(
      '/api/v1/new-hires?limit=500',
    );
    const hire = list.body.items.find((i) => i.source.applicationId === ANNA)!;
    await h.api(
      `/api/v1/new-hires/${hire.id}`,
      json('PATCH', {
        fields: { employmentStartDate: '2027-01-04', salaryAmount: 90000, salaryCurrency: 'eur' },
      }),
    );
    // Added with no destination ticked: the previews below are the only thing that could reach a fake.
    const added = await h.api<{ id: string }>(
      `/api/v1/new-hires/${hire.id}/add-member`,
      json('POST', { destinations: [] }),
    );
    expect(added.status).toBe(201);
    memberId = added.body.id;
  }, 60_000);
  afterAll(async () => {
    await Promise.all([hibob.close(), humaans.close(), peopleforce.close(), charthop.close()]);
    await h.dispose();
  });

  it('reads each preset with the HireBridge fields a rule can read', async () => {
    for (const type of ['hibob', 'humaans', 'peopleforce', 'charthop']) {
      const mapping = await h.api<Mapping>(`/api/v1/destinations/${ids[type]}/mapping`);
      expect(mapping.status, type).toBe(200);
      expect(mapping.body.isPreset).toBe(true);
      expect(mapping.body.rules).toEqual(mapping.body.preset);
      expect(mapping.body.sourceFields.map((f) => f.key)).toEqual(
        expect.arrayContaining(['firstName', 'jobTitle', 'workEmail']),
      );
    }
    const hibobMapping = await h.api<Mapping>(`/api/v1/destinations/${ids['hibob']}/mapping`);
    expect(hibobMapping.body.rules).toContainEqual({
      target: 'work.department',
      from: ['department'],
      list: 'department',
    });
  });

  it('refuses a bad rule naming it by number and target, saving nothing', async () => {
    const path = `/api/v1/destinations/${ids['humaans']}/mapping`;
    const { body: before } = await h.api<Mapping>(path);
    const rules = [...before.rules, { target: 'salary.base', from: ['salaryAmount'] }];
    const refused = await h.api<ErrorBody>(path, json('PUT', { rules }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(
      `rule ${rules.length} (target "salary.base"): target must be a Humaans field`,
    );
    expect(refused.body.error.details?.problems?.[0]?.field).toBe(`rules.${rules.length - 1}.target`);
    // Lists are HiBob's: a Humaans rule naming one is refused in words too.
    const listed = await h.api<ErrorBody>(
      path,
      json('PUT', { rules: [{ target: 'person.firstName', from: ['firstName'], list: 'x' }] }),
    );
    expect(listed.status).toBe(400);
    expect(listed.body.error.message).toContain('rule 1 (target "person.firstName"): list is not supported');
    const empty = await h.api<ErrorBody>(path, json('PUT', { rules: [] }));
    expect(empty.status).toBe(400);
    expect((await h.api<Mapping>(path)).body).toEqual(before);
  });

  it('saves a mapping with a custom field (audited), previews it without calling the system, and resets', async () => {
    const path = `/api/v1/destinations/${ids['hibob']}/mapping`;
    const { body: preset } = await h.api<Mapping>(path);
    const rules = [...preset.rules, { target: 'root.custom.field_1696', from: ['jobTitle'] }];
    const saved = await h.api<Mapping>(path, json('PUT', { rules }));
    expect(saved.status).toBe(200);
    expect(saved.body.isPreset).toBe(false);
    expect(saved.body.rules).toEqual(rules);

    const before = fakeCalls();
    const preview = await h.api<Preview>(
      `/api/v1/destinations/${ids['hibob']}/preview`,
      json('POST', { memberId }),
    );
    expect(preview.status).toBe(200);
    const create = preview.body.requests[0]!;
    expect(create).toMatchObject({ method: 'POST', path: '/people' });
    expect(create.body).toMatchObject({ custom: { field_1696: expect.any(String) } });
    expect(preview.body.requests.map((r) => r.step)).toContain('salary entry');
    expect(preview.body.atPush.join('\n')).toMatch(/searched for the member's email/);
    expect(fakeCalls()).toBe(before);

    const audit = await h.server.container.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('target_id', '=', ids['hibob']!)
      .execute();
    expect(audit.map((a) => a.action)).toContain('destination.mapping');

    const reset = await h.api<Mapping>(path, json('PUT', { rules: null }));
    expect(reset.body).toMatchObject({ isPreset: true, rules: preset.rules });
  });

  it('previews every destination on the real member, and refuses an unknown member', async () => {
    const before = fakeCalls();
    for (const type of ['hibob', 'humaans', 'peopleforce', 'charthop']) {
      const preview = await h.api<Preview>(
        `/api/v1/destinations/${ids[type]}/preview`,
        json('POST', { memberId }),
      );
      expect(preview.status, type).toBe(200);
      expect(preview.body.requests.length, type).toBeGreaterThan(1);
      expect(preview.body.missing, type).toEqual([]);
    }
    const charthopPreview = await h.api<Preview>(
      `/api/v1/destinations/${ids['charthop']}/preview`,
      json('POST', { memberId }),
    );
    const hire = charthopPreview.body.requests.find((r) => r.path.endsWith('/change/sync/hire'));
    expect(hire?.body).toMatchObject({
      date: '2027-01-04',
      comp: { baseComp: { pay: { amount: 90000, currency: 'EUR' } } },
    });
    const unknown = await h.api<ErrorBody>(
      `/api/v1/destinations/${ids['peopleforce']}/preview`,
      json('POST', { memberId: 'no-such-member' }),
    );
    expect(unknown.status).toBe(404);
    expect(fakeCalls()).toBe(before);
  });

  it('edits HiBob settings from their schema, refusing a bad value in words, and the push uses them', async () => {
    const path = `/api/v1/destinations/${ids['hibob']}/settings`;
    const read = await h.api<{ settings: Record<string, unknown>; schema: { properties: object } }>(path);
    expect(read.status).toBe(200);
    expect(read.body.settings).toMatchObject({ payPeriod: 'Annual', writesPerMinute: 10 });
    expect(Object.keys(read.body.schema.properties)).toEqual(
      expect.arrayContaining(['defaultSite', 'documentFolders', 'welcomeWizardId', 'writesPerMinute']),
    );
    expect(Object.keys(read.body.schema.properties)).not.toContain('mapping');
    const bad = await h.api<ErrorBody>(path, json('PATCH', { settings: { payPeriod: 'Fortnightly' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('settings.payPeriod');
    const typo = await h.api<ErrorBody>(path, json('PATCH', { settings: { defaultSyte: 'Berlin' } }));
    expect(typo.status).toBe(400);
    expect(typo.body.error.message).toContain('settings.defaultSyte: not a setting of hibob');
    const noSuchSetting = await h.api<ErrorBody>(
      `/api/v1/destinations/${ids['peopleforce']}/settings`,
      json('PATCH', { settings: { payPeriod: 'Annual' } }),
    );
    expect(noSuchSetting.status).toBe(400);
    const saved = await h.api<{ settings: Record<string, unknown>; savedKeys: string[] }>(
      path,
      json('PATCH', { settings: { defaultSite: 'Berlin', writesPerMinute: 6000, searchesPerMinute: 6000 } }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({ defaultSite: 'Berlin', payPeriod: 'Annual' });
    expect(saved.body.savedKeys.sort()).toEqual(['defaultSite', 'searchesPerMinute', 'writesPerMinute']);

    // A saved mapping is what the push sends: the custom field lands in HiBob, and without a rule for
    // work.site (the member's Ashby location is no Bob site) the default site stands in.
    const mappingPath = `/api/v1/destinations/${ids['hibob']}/mapping`;
    const { body: preset } = await h.api<Mapping>(mappingPath);
    const rules = [
      ...preset.rules.filter((r) => r.target !== 'work.site'),
      { target: 'root.custom.field_1696', from: ['jobTitle'] },
    ];
    expect((await h.api(mappingPath, json('PUT', { rules }))).status).toBe(200);
    await h.api(`/api/v1/destinations/${ids['hibob']}`, json('PATCH', { enabled: true }));
    h.sim.hire(OLUWASEUN);
    await h.settle();
    const list = await h.api<{ items: { id: string; source: { applicationId: string } }[] }>(
      '/api/v1/new-hires?limit=500',
    );
    const hire = list.body.items.find((i) => i.source.applicationId === OLUWASEUN)!;
    const seeded = hibob.employees().length;
    const added = await h.api<{ id: string }>(
      `/api/v1/new-hires/${hire.id}/add-member`,
      json('POST', { destinations: [ids['hibob']] }),
    );
    expect(added.status).toBe(201);
    const push = await waitFor(
      'the HiBob push',
      async () => {
        const pushes = await h.api<{ items: { status: string; remoteId: string | null }[] }>(
          `/api/v1/members/${added.body.id}/pushes`,
        );
        const [first] = pushes.body.items;
        return first?.status === 'delivered' ? first : undefined;
      },
      15_000,
    );
    expect(hibob.employees().length).toBe(seeded + 1);
    const employee = hibob.employees().find((e) => e.id === push.remoteId);
    expect(employee?.body).toMatchObject({ custom: { field_1696: expect.any(String) } });
    expect(employee?.work?.site).toBe('Berlin');
  });
});
