import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';

// Sample company (src/connectors/ashby/fixtures/sample-company.json).
const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // offer "Contract type": Permanent
const MADONNA = 'cbe85112-0bbb-5b7b-b39f-dde3965b14fb'; // offer "Contract type": Part-time permanent
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608'; // offer "Contract type": Permanent; has a LinkedIn link
const OLUWASEUN = 'cec15da7-4ddc-5495-a088-806dff7a598f'; // complete under the default mapping
const ERIK = 'b13b651c-235d-5e4b-9762-43d6a744fb5a'; // Active; pending offer with "Pay frequency": monthly
const ZOE = '6e08e678-345d-50ca-a349-16812d39df36'; // Lead: not hired
const CONTRACT_TYPE = '111cf504-f6fb-50e7-93e8-2640fe1012f2'; // Offer, String
const PAY_FREQUENCY = '88bc1560-2f42-55b4-857c-0588d7facc44'; // Offer, ValueSelect
const RELOCATION = '0ba146e9-894e-5220-b33e-6733007cd633'; // Offer, Boolean
const PRONOUNS = '49efdbc0-7cc9-5429-bad3-777a657da2c8'; // Candidate, String

interface Field {
  value: unknown;
  source: { ruleId: string; description: string; usedDefault: boolean };
  error?: { code: string; message: string };
}
interface Hire {
  id: string;
  status: string;
  fields: Record<string, Field>;
  missingRequired: string[];
  editedFields: string[];
  history: { kind: string; changes: Record<string, unknown> }[];
  source: { applicationId: string };
}
interface Rule {
  id: string;
  source: unknown;
  target: string;
  transform?: unknown;
  enabled: boolean;
}
interface Spec {
  version: 1;
  rules: Rule[];
  customTargets: { key: string; label: string; section: string; type: string; required: boolean }[];
}
interface MappingBody {
  revision: number | null;
  isDefault: boolean;
  savedBy: string | null;
  mapping: Spec;
  targets: { key: string; section: string; custom: boolean; required: boolean }[];
}
interface Preview {
  applicationId: string;
  newHireId: string | null;
  revision: number | null;
  unsaved: boolean;
  fields: Record<string, Field>;
  missingRequired: string[];
  targets: { key: string; custom: boolean }[];
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: {
      problems?: { code: string; ruleId: string | null; target: string | null }[];
      fields?: string[];
    };
  };
}

const offerField = (fieldId: string) => ({ customField: { object: 'offer', fieldId } });
const employmentType = {
  key: 'employmentType',
  label: 'Employment type',
  section: 'employment',
  type: 'string',
  required: false,
};
const contractTypeRule: Rule = {
  id: 'contract-type',
  source: offerField(CONTRACT_TYPE),
  target: 'employmentType',
  enabled: true,
};

describe.each(TEST_DIALECTS)('Field mapping through the API on %s', (dialect) => {
  let h: IntakeHarness;
  let inbox: string;
  let defaults: Spec;
  beforeAll(async () => {
    h = await startIntakeHarness(dialect);
    inbox = await h.server.token('inbox');
    defaults = (await h.api<MappingBody>(`/api/v1/connections/${h.connectionId}/mapping`)).body.mapping;
  });
  afterAll(async () => {
    await h.dispose();
  });

  const mappingPath = () => `/api/v1/connections/${h.connectionId}/mapping`;
  const put = (spec: unknown) =>
    h.api<MappingBody & ErrorBody>(mappingPath(), { method: 'PUT', body: JSON.stringify(spec) });
  const preview = (body: unknown) =>
    h.api<Preview & ErrorBody>(`${mappingPath()}/preview`, { method: 'POST', body: JSON.stringify(body) });
  const as = (token: string, path: string, init: RequestInit = {}) =>
    h.api<unknown>(path, { ...init, headers: { authorization: `Bearer ${token}` } });
  /** The default rules with some switched off, plus extra rules and custom targets. */
  const spec = (
    extra: { off?: string[]; rules?: Rule[]; customTargets?: Spec['customTargets'] } = {},
  ): Spec => ({
    version: 1,
    rules: [
      ...defaults.rules.map((r) => ({ ...r, enabled: !(extra.off ?? []).includes(r.id) })),
      ...(extra.rules ?? []),
    ],
    customTargets: extra.customTargets ?? [],
  });
  /**
   * Ashby has delivered everything and no import is waiting or running. Only import jobs count: other
   * kinds (a reconciliation scheduled for later) do not change new hires, and would never settle.
   */
  const settleImports = () =>
    waitFor(
      'Ashby deliveries and imports to settle',
      async () => {
        if (!(await h.sim.idleWithin(10))) return false;
        const busy = await Promise.all(
          (['available', 'running'] as const).map((state) =>
            h.server.container.jobs.list({ state, kind: 'ashby.application.import', limit: 1 }),
          ),
        );
        return busy.every((jobs) => jobs.length === 0);
      },
      20_000,
      50,
    );
  const hire = async (applicationId: string): Promise<Hire> => {
    h.sim.hire(applicationId);
    await settleImports();
    const list = await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500');
    const found = list.body.items.find((i) => i.source.applicationId === applicationId);
    if (!found) throw new Error(`no new hire for ${applicationId}`);
    return (await h.api<Hire>(`/api/v1/new-hires/${found.id}`)).body;
  };
  const auditActions = async () =>
    (
      await h.api<{ items: { action: string; details: Record<string, unknown> }[] }>(
        '/api/v1/audit?limit=500',
      )
    ).body.items;

  it('shows the default mapping and the Ashby custom fields a rule can read, to admins only', async () => {
    const shown = await h.api<MappingBody>(mappingPath());
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ revision: null, isDefault: true, savedBy: null });
    expect(shown.body.mapping.rules.map((r) => r.id)).toContain('default.employmentStartDate');
    expect(shown.body.targets.find((t) => t.key === 'firstName')).toMatchObject({
      required: true,
      custom: false,
    });

    const fields = await h.api<{ items: Record<string, unknown>[] }>(
      `/api/v1/connections/${h.connectionId}/ashby-fields`,
    );
    expect(fields.status).toBe(200);
    expect(fields.body.items).toContainEqual({
      id: CONTRACT_TYPE,
      title: 'Contract type',
      objectType: 'Offer',
      fieldType: 'String',
      isArchived: false,
      selectableValues: null,
      source: offerField(CONTRACT_TYPE),
    });
    expect(fields.body.items.find((f) => f['id'] === PAY_FREQUENCY)?.['selectableValues']).toContainEqual({
      label: 'Monthly',
      value: 'monthly',
    });
    expect((await h.api(`/api/v1/connections/${h.connectionId}/ashby-fields?fresh=true`)).status).toBe(200);

    expect((await as(inbox, mappingPath())).status).toBe(403);
    expect((await as(inbox, mappingPath(), { method: 'PUT', body: '{}' })).status).toBe(403);
    expect((await h.api('/api/v1/connections/nope/mapping')).status).toBe(404);
    expect((await h.api('/api/v1/connections/nope/ashby-fields')).status).toBe(404);
  });

  it('refuses an invalid mapping whole, naming every problem by rule, and keeps the one in force', async () => {
    const bad = spec({
      off: ['default.firstName'],
      rules: [
        { id: 'ghost', source: offerField('no-such-field'), target: 'employmentType', enabled: true },
        {
          id: 'wrong-object',
          source: { customField: { object: 'offer', fieldId: PRONOUNS } },
          target: 'pronouns',
          enabled: true,
        },
        { id: 'nowhere', source: 'job.title', target: 'notATarget', enabled: true },
        { id: 'bool-to-date', source: offerField(RELOCATION), target: 'relocationDate', enabled: true },
        {
          id: 'text-as-money',
          source: offerField(CONTRACT_TYPE),
          target: 'employmentType2',
          transform: { kind: 'currencyAmount' },
          enabled: true,
        },
        { id: 'ghost', source: 'job.title', target: 'employmentType2', enabled: false },
      ],
      customTargets: [
        employmentType,
        { ...employmentType, key: 'employmentType2' },
        { key: 'pronouns', label: 'Pronouns', section: 'basics', type: 'string', required: false },
        {
          key: 'relocationDate',
          label: 'Relocation date',
          section: 'employment',
          type: 'date',
          required: false,
        },
        { key: 'firstName', label: 'Clash', section: 'basics', type: 'string', required: false },
      ],
    });
    const refused = await put(bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
    const problems = refused.body.error.details?.problems ?? [];
    expect(problems.map((p) => `${p.code}:${p.ruleId ?? p.target ?? ''}`).sort()).toEqual(
      [
        'custom_target_clash:firstName',
        'duplicate_rule_id:ghost',
        'unknown_custom_field:ghost',
        'custom_field_wrong_object:wrong-object',
        'unknown_target:nowhere',
        'target_incompatible:bool-to-date',
        'transform_incompatible:text-as-money',
        'required_field_disabled:default.firstName',
      ].sort(),
    );
    expect(refused.body.error.message).toMatch(/^The mapping has 8 problems: /);

    // Shape problems are named by rule too, all at once.
    const shape = await put({
      version: 2,
      rules: [{ id: 'r1', source: 'candidate.shoeSize', target: 'firstName', enabled: 'yes' }],
      customTargets: [],
    });
    expect(shape.status).toBe(400);
    const shapeProblems = shape.body.error.details?.problems ?? [];
    expect(shapeProblems.every((p) => p.code === 'invalid_shape')).toBe(true);
    expect(shapeProblems.filter((p) => p.ruleId === 'r1')).toHaveLength(2);
    expect(shapeProblems.some((p) => p.ruleId === null)).toBe(true);
    expect((await put(undefined)).status).toBe(400);

    const still = await h.api<MappingBody>(mappingPath());
    expect(still.body).toMatchObject({ revision: null, isDefault: true });
    expect((await auditActions()).map((a) => a.action)).not.toContain('mapping.save');
  });

  it('previews an offer custom field on a real hire without saving, then imports exactly what the preview showed', async () => {
    const withContractType = spec({ rules: [contractTypeRule], customTargets: [employmentType] });
    const tried = await preview({ applicationId: ANNA, mapping: withContractType });
    expect(tried.status).toBe(200);
    expect(tried.body).toMatchObject({
      applicationId: ANNA,
      newHireId: null,
      revision: null,
      unsaved: true,
      missingRequired: [],
    });
    expect(tried.body.fields['employmentType']).toEqual({
      value: 'Permanent',
      source: {
        ruleId: 'contract-type',
        description: expect.stringContaining('Contract type'),
        usedDefault: false,
      },
    });
    expect(tried.body.targets).toContainEqual(
      expect.objectContaining({ key: 'employmentType', custom: true }),
    );
    // Nothing was saved or imported.
    expect((await h.api<MappingBody>(mappingPath())).body.isDefault).toBe(true);
    expect((await h.api<{ items: unknown[] }>('/api/v1/new-hires')).body.items).toEqual([]);

    const saved = await put(withContractType);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      revision: 1,
      isDefault: false,
      savedBy: expect.stringContaining('test admin'),
    });
    expect(saved.body.targets).toContainEqual(
      expect.objectContaining({ key: 'employmentType', section: 'employment', custom: true }),
    );
    expect((await put(withContractType)).body.revision).toBe(1);
    const audit = (await auditActions()).filter((a) => a.action === 'mapping.save');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({
      revision: 1,
      rulesAdded: ['contract-type'],
      rulesRemoved: [],
      customTargetsAdded: ['employmentType'],
    });

    const shown = await preview({ applicationId: MADONNA });
    expect(shown.body).toMatchObject({ revision: 1, unsaved: false });
    expect(shown.body.fields['employmentType']?.value).toBe('Part-time permanent');
    const imported = await hire(MADONNA);
    expect(imported.fields).toEqual(shown.body.fields);
    expect(imported.missingRequired).toEqual(shown.body.missingRequired);

    const byNewHire = await preview({ newHireId: imported.id });
    expect(byNewHire.body).toMatchObject({ applicationId: MADONNA, newHireId: imported.id });
    expect(byNewHire.body.fields).toEqual(imported.fields);
  });

  it('drops a field switched off from hires imported after the change', async () => {
    const before = await preview({ applicationId: JOSE });
    expect(before.body.fields['linkedIn']?.value).toMatch(/linkedin\.com/);
    const saved = await put(
      spec({ off: ['default.linkedIn'], rules: [contractTypeRule], customTargets: [employmentType] }),
    );
    expect(saved.body.revision).toBe(2);
    const jose = await hire(JOSE);
    expect(Object.keys(jose.fields)).not.toContain('linkedIn');
    expect(jose.fields['employmentType']?.value).toBe('Permanent');
    // Hires imported before the change keep what they were imported with.
    const madonna = await preview({ applicationId: MADONNA, mapping: defaults });
    expect(madonna.status).toBe(200);
  });

  it('blocks Add member while a required custom field is empty, until a reviewer fills it', async () => {
    const laptop = {
      key: 'laptopModel',
      label: 'Laptop',
      section: 'employment',
      type: 'string',
      required: true,
    };
    expect(
      (
        await put(
          spec({
            off: ['default.linkedIn'],
            rules: [contractTypeRule],
            customTargets: [employmentType, laptop],
          }),
        )
      ).body.revision,
    ).toBe(3);
    const oluwaseun = await hire(OLUWASEUN);
    expect(oluwaseun.missingRequired).toEqual(['laptopModel']);

    const refused = await as(inbox, `/api/v1/new-hires/${oluwaseun.id}/add-member`, { method: 'POST' });
    expect(refused.status).toBe(422);
    expect((refused.body as ErrorBody).error).toMatchObject({
      code: 'required_fields_missing',
      details: { fields: ['laptopModel'] },
    });

    const filled = await as(inbox, `/api/v1/new-hires/${oluwaseun.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ fields: { laptopModel: 'MacBook Pro 14' } }),
    });
    expect(filled.status).toBe(200);
    expect((filled.body as Hire).missingRequired).toEqual([]);
    const added = await as(inbox, `/api/v1/new-hires/${oluwaseun.id}/add-member`, { method: 'POST' });
    expect(added.status).toBe(201);
    expect((added.body as { fields: Record<string, unknown> }).fields['laptopModel']).toBe('MacBook Pro 14');
  });

  it('reimports a new hire in review under the current mapping, keeping what a reviewer edited', async () => {
    const erik = await hire(ERIK);
    expect(Object.keys(erik.fields)).not.toContain('linkedIn');
    const edited = await as(inbox, `/api/v1/new-hires/${erik.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ fields: { jobTitle: 'Staff Engineer (edited)' } }),
    });
    expect(edited.status).toBe(200);

    const payFrequency = {
      key: 'payFrequency',
      label: 'Pay frequency',
      section: 'compensation',
      type: 'string',
      required: false,
    };
    const payRule: Rule = {
      id: 'pay-frequency',
      source: offerField(PAY_FREQUENCY),
      target: 'payFrequency',
      transform: { kind: 'selectLabel' },
      enabled: true,
    };
    const saved = await put(
      spec({ rules: [contractTypeRule, payRule], customTargets: [employmentType, payFrequency] }),
    );
    expect(saved.body.revision).toBe(4);
    // A saved mapping does not touch hires already in the inbox...
    expect(Object.keys((await h.api<Hire>(`/api/v1/new-hires/${erik.id}`)).body.fields)).not.toContain(
      'payFrequency',
    );

    // ...until one is reimported.
    const reimported = await as(inbox, `/api/v1/new-hires/${erik.id}/reimport`, { method: 'POST' });
    expect(reimported.status).toBe(200);
    const body = reimported.body as { outcome: string; newHire: Hire };
    expect(body.outcome).toBe('updated');
    expect(body.newHire.fields['payFrequency']).toMatchObject({
      value: 'Monthly',
      source: { ruleId: 'pay-frequency' },
    });
    expect(body.newHire.fields['linkedIn']?.value).toMatch(/linkedin\.com/);
    expect(body.newHire.fields['jobTitle']).toMatchObject({
      value: 'Staff Engineer (edited)',
      source: { ruleId: 'edit' },
    });
    expect(body.newHire.fields['laptopModel']).toBeUndefined();
    expect(body.newHire.missingRequired).toEqual([]);
    expect(body.newHire.editedFields).toEqual(['jobTitle']);
    const detail = (await h.api<Hire>(`/api/v1/new-hires/${erik.id}`)).body;
    expect(detail.history.at(-1)).toMatchObject({
      kind: 'ashby_update',
      changes: { payFrequency: { from: null, to: 'Monthly' } },
    });
    expect((await auditActions()).find((a) => a.action === 'new_hire.reimport')).toMatchObject({
      details: { outcome: 'updated' },
    });

    const again = await as(inbox, `/api/v1/new-hires/${erik.id}/reimport`, { method: 'POST' });
    expect((again.body as { outcome: string }).outcome).toBe('unchanged');
    const oluwaseun = (await h.api<{ items: Hire[] }>('/api/v1/new-hires?status=added')).body.items[0];
    expect(
      (await as(inbox, `/api/v1/new-hires/${oluwaseun?.id ?? ''}/reimport`, { method: 'POST' })).status,
    ).toBe(409);
    expect((await as(inbox, '/api/v1/new-hires/nope/reimport', { method: 'POST' })).status).toBe(404);
  });

  it('refuses a preview of something that is not a hire, and an ambiguous or invalid request', async () => {
    const lead = await preview({ applicationId: ZOE });
    expect(lead.status).toBe(409);
    expect(lead.body.error.message).toMatch(/Lead, not Hired/);
    expect((await preview({ applicationId: 'no-such-application' })).status).toBe(404);
    expect((await preview({ newHireId: 'no-such-new-hire' })).status).toBe(404);
    expect((await preview({ applicationId: ANNA, newHireId: 'x' })).status).toBe(400);
    expect((await preview({})).status).toBe(400);
    const invalid = await preview({ applicationId: ANNA, mapping: spec({ off: ['default.lastName'] }) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details?.problems).toEqual([
      expect.objectContaining({ code: 'required_field_disabled', ruleId: 'default.lastName' }),
    ]);
  });
});
