import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { runCli } from '../support/run-cli.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';

// Sample company: both hires' accepted offers carry the offer custom field "Contract type" = Permanent.
const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d';
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608';
const CONTRACT_TYPE = '111cf504-f6fb-50e7-93e8-2640fe1012f2';

interface ShownMapping {
  revision: number | null;
  isDefault: boolean;
  mapping: {
    version: 1;
    rules: { id: string; source: unknown; target: string; enabled: boolean }[];
    customTargets: unknown[];
  };
}

/**
 * The "done when" of issue 5 with the CLI alone: find the Ashby field, write a mapping from what
 * `mapping show --json` printed, get refused for mistakes, preview on a real hire, save, and see the
 * next hire carry the new Employment field.
 */
describe.each(TEST_DIALECTS)('Field mapping through the CLI on %s', (dialect) => {
  let h: IntakeHarness;
  let dir: string;
  beforeAll(async () => {
    h = await startIntakeHarness(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-mapping-'));
  });
  afterAll(async () => {
    await h.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    runCli(['mapping', ...args, '--connection', h.connectionId], h.server.env);
  const write = (name: string, value: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(value, null, 2));
    return file;
  };

  it('maps the offer custom field "Contract type" into a custom Employment field, previews it, saves it, and the next hire carries it', async () => {
    const fields = await cli('fields');
    expect(fields.code).toBe(0);
    const line = fields.stdout.split('\n').find((l) => l.includes(CONTRACT_TYPE));
    expect(line).toMatch(/offer\s+String\s+Contract type/);
    expect(fields.stdout).toMatch(/Pay frequency\s+monthly=Monthly, biweekly=Biweekly, annual=Annual/);

    const shown = await cli('show', '--json');
    expect(shown.code).toBe(0);
    const current = JSON.parse(shown.stdout) as ShownMapping;
    expect(current).toMatchObject({ revision: null, isDefault: true });

    // What `show --json` printed, edited: the file keeps the {mapping} wrapper, which `set` accepts.
    const contractRule = {
      id: 'contract-type',
      source: { customField: { object: 'offer', fieldId: CONTRACT_TYPE } },
      target: 'employmentType',
      enabled: true,
    };
    const employmentType = {
      key: 'employmentType',
      label: 'Employment type',
      section: 'employment',
      type: 'string',
      required: false,
    };
    const edited = {
      ...current,
      mapping: {
        ...current.mapping,
        rules: [...current.mapping.rules, contractRule],
        customTargets: [employmentType],
      },
    };
    const good = write('mapping.json', edited);

    const mistakes = {
      ...edited.mapping,
      rules: [
        ...edited.mapping.rules.map((r) => (r.id === 'default.lastName' ? { ...r, enabled: false } : r)),
        {
          ...contractRule,
          id: 'typo',
          source: { customField: { object: 'offer', fieldId: 'no-such-field' } },
          target: 'contractType',
        },
      ],
    };
    const refused = await cli('set', write('bad.json', mistakes));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('The mapping was refused (3 problems):');
    expect(refused.stderr).toMatch(
      /rule 'default\.lastName': 'lastName' is required and cannot be switched off\s+\[required_field_disabled\]/,
    );
    expect(refused.stderr).toMatch(
      /rule 'typo': Ashby has no custom field with id 'no-such-field'\s+\[unknown_custom_field\]/,
    );
    expect(refused.stderr).toMatch(/rule 'typo': 'contractType' is neither .*\[unknown_target\]/);

    const preview = await cli('preview', '--application', ANNA, '--file', good);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain(
      `Preview of the mapping in ${good} (not saved) on Ashby application ${ANNA}; nothing was saved.`,
    );
    expect(preview.stdout).toMatch(/employmentType\s+Permanent\s+\(Ashby offer custom field 'Contract type'/);
    expect(preview.stdout).toContain('Every required field has a value.');

    // Revision 1: neither the refused mapping nor the preview saved anything.
    const saved = await cli('set', good);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain(`Saved revision 1 of the mapping of connection ${h.connectionId}.`);
    expect((await cli('set', good)).stdout).toContain('Unchanged: revision 1 already is this mapping.');
    const text = await cli('show');
    expect(text.stdout).toMatch(/revision 1, saved .* by cli\./);
    expect(text.stdout).toMatch(/contract-type\s+yes\s+employmentType\s+offer custom field 111cf504/);
    expect(text.stdout).toMatch(/employmentType\s+Employment type\s+employment\s+string\s+no/);

    h.sim.hire(JOSE);
    // Waiting is cheaper over the API than by starting the CLI again and again; the CLI then shows it.
    const hire = await waitFor(
      'the new hire of the next Ashby hire',
      async () => {
        const listed = await h.api<{ items: { id: string; source: { applicationId: string } }[] }>(
          '/api/v1/new-hires',
        );
        return listed.body.items.find((i) => i.source.applicationId === JOSE);
      },
      20_000,
      100,
    );
    const shownHire = await runCli(['new-hires', 'show', hire.id], h.server.env);
    expect(shownHire.stdout).toMatch(
      /employmentType\s+Permanent\s+\(Ashby offer custom field 'Contract type'/,
    );

    const byNewHire = await cli('preview', '--new-hire', hire.id);
    expect(byNewHire.stdout).toContain(
      `Preview of saved revision 1 on Ashby application ${JOSE} (new hire ${hire.id})`,
    );
    expect(byNewHire.stdout).toMatch(/employmentType\s+Permanent/);
    expect((await cli('preview')).code).toBe(2);
  }, 180_000);
});
