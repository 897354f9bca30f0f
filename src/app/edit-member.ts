import { AppError, notFound } from '../core/errors/app-error.js';
import { isCalendarDate } from '../core/model/calendar-date.js';
import { validateFieldValue, type FieldValue } from '../core/model/field-value.js';
import type { Member, MemberHistoryEntry } from '../core/model/member.js';
import type { FieldDefinition } from '../core/model/new-hire-fields.js';
import { displayNameOf } from '../core/names/display-name.js';
import type { InboxData } from '../core/ports/inbox-store.js';
import type { Actor } from './actor.js';
import type { InboxDeps } from './inbox-deps.js';
import { matchOrgUnit } from './match-org-unit.js';

/** The member fields people edit in the directory, with the type each value is checked against. */
const EDITABLE: Readonly<Record<string, Pick<FieldDefinition, 'type' | 'min'> & { label: string }>> = {
  workEmail: { type: 'email', min: null, label: 'Work email' },
  employeeId: { type: 'string', min: null, label: 'Employee id' },
  jobTitle: { type: 'string', min: null, label: 'Job title' },
  department: { type: 'string', min: null, label: 'Department' },
  location: { type: 'string', min: null, label: 'Location' },
};
/** A member is active (the default), archived (kept out of the way) or offboarded (left, with an end date). */
export type MemberStatus = 'active' | 'archived' | 'offboarded';

export interface MemberEdit {
  readonly memberId: string;
  /** New values; null clears. Keys outside EDITABLE are refused. */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** Another member's id; null: reports to nobody. */
  readonly managerId?: string | null;
  readonly status?: MemberStatus;
  /** YYYY-MM-DD; required to offboard. */
  readonly endDate?: string | null;
  readonly actor: Actor;
}

/**
 * Edits a member in the directory: work email, employee id, title, department, location, manager, and
 * its status (archive or offboard, with an end date). Every value is checked first and the whole edit
 * is refused, naming each problem, before anything is written, so a bad value never erases a stored
 * one. What changed is kept in the member's history (values) and the audit log (field names).
 */
export function editMember(deps: InboxDeps, input: MemberEdit): Promise<Member> {
  return deps.inbox.transaction(async (data) => {
    const member = await data.findMember(input.memberId);
    if (!member) throw notFound('Member');
    const problems: string[] = [];
    const next: Record<string, FieldValue | null> = { ...member.fields };
    for (const [key, raw] of Object.entries(input.fields ?? {})) {
      const definition = EDITABLE[key];
      if (!definition) {
        problems.push(
          `${key} cannot be edited here (editable: ${Object.values(EDITABLE)
            .map((e) => e.label)
            .join(', ')}, Reports to)`,
        );
        continue;
      }
      if (raw === null || raw === '') {
        next[key] = null;
        continue;
      }
      const checked = validateFieldValue(definition, raw);
      if (checked.ok) next[key] = checked.value;
      else problems.push(`${definition.label} ${checked.error.message}`);
    }
    if (input.status === 'offboarded' && !input.endDate && !member.fields['employmentEndDate'])
      problems.push('An end date is required to offboard a member (the last working day, as YYYY-MM-DD)');
    if (input.endDate !== undefined && input.endDate !== null && !isCalendarDate(input.endDate))
      problems.push(`The end date must be a date as YYYY-MM-DD, such as 2026-01-31 (got "${input.endDate}")`);
    if (input.managerId !== undefined && input.managerId !== null)
      problems.push(...(await managerProblems(data, member.id, input.managerId)));
    const workEmail = next['workEmail'];
    if (typeof workEmail === 'string' && workEmail !== member.fields['workEmail']) {
      const others = await data.findMembersByIdentity({ candidateId: null, emails: [workEmail] });
      const other = others.find((o) => o.id !== member.id);
      if (other)
        problems.push(
          `Work email ${workEmail} already belongs to another member, ${displayNameOf((k) => other.fields[k]) ?? 'unnamed'}`,
        );
    }
    if (problems.length > 0)
      throw new AppError('validation_failed', `Nothing was saved: ${problems.join('; ')}`, {
        details: { problems },
      });

    if (input.status !== undefined) {
      next['employmentStatus'] = input.status === 'active' ? null : input.status;
      if (input.status === 'active') next['employmentEndDate'] = null;
    }
    if (input.endDate !== undefined) next['employmentEndDate'] = input.endDate;

    const at = deps.clock.now();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of new Set([...Object.keys(member.fields), ...Object.keys(next)])) {
      const from = member.fields[key] ?? null;
      const to = next[key] ?? null;
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
    }
    let managerId = member.managerId;
    if (input.managerId !== undefined && input.managerId !== member.managerId) {
      changes['managerId'] = { from: member.managerId, to: input.managerId };
      managerId = input.managerId;
      await data.setMemberManager(member.id, managerId, at);
    }
    if (Object.keys(changes).length === 0) return member;

    await data.updateMemberFields(member.id, next, at);
    let { department, location } = member;
    if ('department' in changes || 'location' in changes) {
      const unit = async (kind: 'department' | 'location', value: FieldValue | null | undefined) =>
        typeof value === 'string'
          ? matchOrgUnit(data, { kind, ashbyId: null, name: value, newId: deps.ids.newId(), at })
          : null;
      department = 'department' in changes ? await unit('department', next['department']) : department;
      location = 'location' in changes ? await unit('location', next['location']) : location;
      await data.setMemberOrgUnits(
        member.id,
        { departmentId: department?.id ?? null, locationId: location?.id ?? null },
        at,
      );
    }
    const kind: MemberHistoryEntry['kind'] =
      'employmentStatus' in changes
        ? input.status === 'active'
          ? 'reactivated'
          : (input.status ?? 'edited')
        : 'edited';
    await data.addMemberHistory({
      id: deps.ids.newId(),
      memberId: member.id,
      at,
      actor: input.actor,
      kind,
      changes,
    });
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: kind === 'edited' ? 'member.edit' : `member.${kind}`,
      targetType: 'member',
      targetId: member.id,
      details: { fields: Object.keys(changes) },
    });
    return { ...member, fields: next, department, location, managerId, updatedAt: at };
  });
}

/** A manager must exist, and the member may not end up reporting to itself, directly or round a loop. */
async function managerProblems(data: InboxData, memberId: string, managerId: string): Promise<string[]> {
  if (managerId === memberId) return ['Reports to: a member cannot report to themselves'];
  const seen = new Set<string>([memberId]);
  let current: string | null = managerId;
  for (let depth = 0; current !== null && depth < 1_000; depth += 1) {
    const manager = await data.findMember(current);
    if (!manager)
      return depth === 0 ? ['Reports to: the chosen manager names no member of the directory'] : [];
    if (seen.has(manager.id))
      return ['Reports to: this manager would make a reporting loop (someone would report to themselves)'];
    seen.add(manager.id);
    current = manager.managerId;
  }
  return [];
}
