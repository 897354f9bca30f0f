import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReapplyMappingResponse } from '../../src/contract/mapping-reapply.js';
import { bearerApi, startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

// Sample company (src/connectors/ashby/fixtures/sample-company.json).
const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // offer "Contract type": Permanent
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608'; // offer "Contract type": Permanent; has a LinkedIn link
const CONTRACT_TYPE = '111cf504-f6fb-50e7-93e8-2640fe1012f2'; // Offer, String

interface Hire {
  id: string;
  fields: Record<string, { value: unknown } | undefined>;
  editedFields: string[];
  source: { applicationId: string };
}
interface Spec {
  version: 1;
  rules: { id: string; enabled: boolean }[];
  customTargets: unknown[];
}

/**
 * A saved mapping applied to the hires still in review: the preview says hire by hire what would change
 * and changes nothing; Apply reimports each on the queue, and a reviewer's edit still wins.
 */
describe.each(TEST_DIALECTS)('Applying a saved mapping to hires in review on %s', (dialect) => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await startIntakeHarness(dialect);
  });
  afterAll(async () => {
    await h.dispose();
  });

  const mappingPath = () => `/api/v1/connections/${h.connectionId}/mapping`;
  const reapply = (preview: boolean) =>
    h.api<ReapplyMappingResponse & { error?: { message: string } }>(`${mappingPath()}/reapply`, {
      method: 'POST',
      body: JSON.stringify({ preview }),
    });
  const hireOf = async (applicationId: string): Promise<Hire> => {
    const list = await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500');
    const found = list.body.items.find((i) => i.source.applicationId === applicationId);
    if (!found) throw new Error(`no new hire for ${applicationId}`);
    return found;
  };

  it('previews the changes hire by hire, saving nothing; Apply reimports them and reviewer edits win', async () => {
    h.sim.hire(ANNA);
    h.sim.hire(JOSE);
    await h.settle(30_000);
    const jose = await hireOf(JOSE);
    // A reviewer's own LinkedIn link for José: the new mapping drops LinkedIn, but the edit stays.
    const edited = await h.api(`/api/v1/new-hires/${jose.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ fields: { linkedIn: 'https://www.linkedin.com/in/jose-reviewed' } }),
    });
    expect(edited.status).toBe(200);

    const defaults = (await h.api<{ mapping: Spec }>(mappingPath())).body.mapping;
    const saved = await h.api(mappingPath(), {
      method: 'PUT',
      body: JSON.stringify({
        version: 1,
        rules: [
          ...defaults.rules.map((r) => ({ ...r, enabled: r.id !== 'default.linkedIn' })),
          {
            id: 'contract-type',
            source: { customField: { object: 'offer', fieldId: CONTRACT_TYPE } },
            target: 'employmentType',
            enabled: true,
          },
        ],
        customTargets: [
          {
            key: 'employmentType',
            label: 'Employment type',
            section: 'employment',
            type: 'string',
            required: false,
          },
        ],
      }),
    });
    expect(saved.status).toBe(200);

    const preview = await reapply(true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, inReview: 2, queued: null });
    const anna = await hireOf(ANNA);
    const byId = Object.fromEntries(preview.body.items.map((i) => [i.newHireId, i]));
    expect(byId[anna.id]?.changes['employmentType']).toEqual({ from: null, to: 'Permanent' });
    expect(byId[anna.id]?.name).toBe('Anna-Lena van der Berg');
    expect(byId[jose.id]?.changes['employmentType']).toEqual({ from: null, to: 'Permanent' });
    // The reviewer's LinkedIn edit is not offered as a change: it wins.
    expect(Object.keys(byId[jose.id]?.changes ?? {})).not.toContain('linkedIn');
    // A preview stores nothing.
    expect((await hireOf(ANNA)).fields['employmentType']).toBeUndefined();

    const applied = await reapply(false);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ preview: false, inReview: 2, queued: 2, items: [] });
    await h.settle(30_000);
    expect((await hireOf(ANNA)).fields['employmentType']?.value).toBe('Permanent');
    const joseAfter = await hireOf(JOSE);
    expect(joseAfter.fields['employmentType']?.value).toBe('Permanent');
    expect(joseAfter.fields['linkedIn']?.value).toBe('https://www.linkedin.com/in/jose-reviewed');
    // Nothing left to change.
    const again = await reapply(true);
    expect(again.body.items.every((i) => Object.keys(i.changes).length === 0)).toBe(true);

    const audit = await h.api<{ items: { action: string; details: Record<string, unknown> }[] }>(
      '/api/v1/audit?limit=500',
    );
    expect(audit.body.items.find((a) => a.action === 'mapping.reapply')?.details).toEqual({
      inReview: 2,
      queued: 2,
    });
  });

  it('is for admins, and names a missing connection', async () => {
    const inbox = bearerApi(h.server.url, await h.server.token('inbox'));
    const refused = await inbox(`${mappingPath()}/reapply`, { method: 'POST', body: '{"preview":true}' });
    expect(refused.status).toBe(403);
    const missing = await h.api('/api/v1/connections/nope/mapping/reapply', {
      method: 'POST',
      body: '{"preview":true}',
    });
    expect(missing.status).toBe(404);
    const bad = await h.api(`${mappingPath()}/reapply`, { method: 'POST', body: '{"preview":"yes"}' });
    expect(bad.status).toBe(400);
  });
});
