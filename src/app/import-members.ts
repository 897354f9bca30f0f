import { displayNameOf } from '../core/names/display-name.js';
import { readCsvRecords } from './csv-records.js';
import { AppError } from '../core/errors/app-error.js';
import { validateFieldValue, type FieldValue } from '../core/model/field-value.js';
import type { Member } from '../core/model/member.js';
import { NEW_HIRE_FIELDS, type FieldDefinition } from '../core/model/new-hire-fields.js';
import type { Actor } from './actor.js';
import type { InboxDeps } from './inbox-deps.js';
import { matchOrgUnit } from './match-org-unit.js';

/** Columns a members file may have: the canonical fields (reportingTo aside), workEmail and managerEmail. */
type ColumnType = Pick<FieldDefinition, 'type' | 'min'>;
const COLUMNS: ReadonlyMap<string, ColumnType> = new Map<string, ColumnType>([
  ...NEW_HIRE_FIELDS.filter((f) => f.key !== 'reportingTo').map((f): [string, ColumnType] => [f.key, f]),
  ['workEmail', { type: 'email', min: null }],
  ['managerEmail', { type: 'email', min: null }],
]);
const REQUIRED = ['firstName', 'lastName'];

export interface MemberImportReport {
  readonly imported: number;
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

/**
 * Seeds the directory with existing employees from CSV, so managers and duplicates are recognised.
 * The header names the columns; a bad header refuses the file, a bad row is reported by its line
 * number and skipped while the good rows are imported (each row in its own transaction). Managers are
 * linked by managerEmail once every row is in, so their order in the file does not matter. `dryRun`
 * (the admin app's preview) reports the same problems by line and writes nothing.
 */
export async function importMembers(
  deps: InboxDeps,
  input: { csv: string; actor: Actor; dryRun?: boolean },
): Promise<MemberImportReport> {
  const records = readCsvRecords(input.csv);
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter((c) => !COLUMNS.has(c));
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      `Unknown columns: ${unknown.join(', ')}. Known: ${[...COLUMNS.keys()].join(', ')}`,
    );
  }
  const missingColumns = REQUIRED.filter((c) => !header.includes(c));
  if (records.length > 0 && missingColumns.length > 0) {
    throw new AppError('validation_failed', `Missing required columns: ${missingColumns.join(', ')}`);
  }
  const problems: { line: number; message: string }[] = [];
  const managerLinks: { memberId: string; managerEmail: string; line: number }[] = [];
  let imported = 0;
  for (const { record, line } of records) {
    const fields: Record<string, FieldValue | null> = {};
    const rowProblems: string[] = [];
    for (const [column, raw] of Object.entries(record)) {
      const definition = COLUMNS.get(column);
      if (!definition || raw === '') continue;
      const checked = validateFieldValue(definition, definition.type === 'number' ? Number(raw) : raw);
      if (checked.ok) fields[column] = checked.value;
      else rowProblems.push(`${column} ${checked.error.message}`);
    }
    for (const key of REQUIRED) if (!fields[key]) rowProblems.push(`${key} is required`);
    if (rowProblems.length > 0) {
      problems.push({ line, message: rowProblems.join('; ') });
      continue;
    }
    const managerEmail = typeof fields['managerEmail'] === 'string' ? fields['managerEmail'] : null;
    delete fields['managerEmail'];
    const outcome = input.dryRun === true ? await checkRow(deps, fields) : await importRow(deps, fields);
    if (outcome.ok) {
      imported += 1;
      if (managerEmail) managerLinks.push({ memberId: outcome.memberId, managerEmail, line });
    } else {
      problems.push({ line, message: outcome.message });
    }
  }
  // A preview stops here: it changed nothing, so there is no manager to link and nothing to audit.
  if (input.dryRun === true) return { imported, problems: problems.sort((a, b) => a.line - b.line) };
  for (const link of managerLinks) {
    const linked = await deps.inbox.transaction(async (data) => {
      const [manager, ...others] = await data.findMembersByIdentity({
        candidateId: null,
        emails: [link.managerEmail],
      });
      if (!manager || others.length > 0) return false;
      await data.setMemberManager(link.memberId, manager.id, deps.clock.now());
      return true;
    });
    if (!linked)
      problems.push({
        line: link.line,
        message: 'managerEmail matches no single member; imported without a manager',
      });
  }
  await deps.inbox.transaction((data) =>
    data.audit({
      id: deps.ids.newId(),
      at: deps.clock.now(),
      actor: input.actor,
      action: 'members.import',
      targetType: 'directory',
      targetId: 'members',
      details: { imported, problems: problems.length },
    }),
  );
  return { imported, problems: problems.sort((a, b) => a.line - b.line) };
}

/** The preview's check of a valid row: refused the same way as an import would be, nothing written. */
async function checkRow(
  deps: InboxDeps,
  fields: Record<string, FieldValue | null>,
): Promise<{ ok: true; memberId: string } | { ok: false; message: string }> {
  const emails = [fields['personalEmail'], fields['workEmail']].filter(
    (e): e is string => typeof e === 'string',
  );
  const [existing] = await deps.inbox.read((data) =>
    data.findMembersByIdentity({ candidateId: null, emails }),
  );
  return existing
    ? {
        ok: false,
        message: `already a member with the same email (${displayNameOf((k) => existing.fields[k]) ?? 'unnamed'})`,
      }
    : { ok: true, memberId: '' };
}

async function importRow(
  deps: InboxDeps,
  fields: Record<string, FieldValue | null>,
): Promise<{ ok: true; memberId: string } | { ok: false; message: string }> {
  return deps.inbox.transaction(async (data) => {
    const emails = [fields['personalEmail'], fields['workEmail']].filter(
      (e): e is string => typeof e === 'string',
    );
    const [existing] = await data.findMembersByIdentity({ candidateId: null, emails });
    if (existing)
      return {
        ok: false,
        message: `already a member with the same email (${displayNameOf((k) => existing.fields[k]) ?? 'unnamed'})`,
      };
    const at = deps.clock.now();
    const unit = (kind: 'department' | 'location', name: FieldValue | null | undefined) =>
      typeof name === 'string'
        ? matchOrgUnit(data, { kind, ashbyId: null, name, newId: deps.ids.newId(), at })
        : Promise.resolve(null);
    const member: Member = {
      id: deps.ids.newId(),
      fields,
      department: await unit('department', fields['department']),
      location: await unit('location', fields['location']),
      managerId: null,
      ashby: null,
      newHireId: null,
      createdAt: at,
      updatedAt: at,
    };
    await data.insertMember(member);
    return { ok: true, memberId: member.id };
  });
}
