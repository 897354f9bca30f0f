import { AppError, notFound } from '../core/errors/app-error.js';
import type { FieldValue } from '../core/model/field-value.js';
import type { Member, OrgUnit } from '../core/model/member.js';
import type { InboxData } from '../core/ports/inbox-store.js';
import type { Actor } from './actor.js';
import { valuesOf } from './field-diff.js';
import type { InboxDeps } from './inbox-deps.js';
import { resolveManager } from './resolve-manager.js';
import { matchOrgUnit } from './match-org-unit.js';
import { queuePushes } from './queue-pushes.js';

const text = (value: FieldValue | null | undefined) =>
  typeof value === 'string' && value.trim() ? value : null;

/**
 * Adds a reviewed new hire to the people directory, in one transaction: refused while a required field
 * is empty (naming each), refused when the person is already a member (same Ashby candidate, or same
 * personal or work email in any case: the internal-hire and rehire cases), otherwise the member is
 * created with its department, location and manager, and the new hire is marked added. A repeated call
 * returns the same member (`created: false`).
 */
export function addMember(
  deps: InboxDeps,
  input: { newHireId: string; actor: Actor; destinations?: readonly string[] },
): Promise<{ member: Member; created: boolean }> {
  return deps.inbox.transaction(async (data) => {
    const hire = await data.findNewHire(input.newHireId);
    if (!hire) throw notFound('New hire');
    if (hire.status === 'added') {
      const member =
        (hire.memberId && (await data.findMember(hire.memberId))) ||
        (await data.findMemberByNewHire(hire.id));
      if (member) return { member, created: false };
    }
    if (hire.status === 'deleted')
      throw new AppError('conflict', 'This new hire was deleted; restore it before adding it');
    if (hire.missingRequired.length > 0) {
      throw new AppError(
        'required_fields_missing',
        `Fill the required fields first: ${hire.missingRequired.join(', ')}`,
        {
          details: { fields: [...hire.missingRequired] },
        },
      );
    }
    const values = valuesOf(hire.fields);
    const emails = [text(values['personalEmail']), text(values['workEmail'])].filter(
      (e): e is string => e !== null,
    );
    const [existing] = await data.findMembersByIdentity({ candidateId: hire.candidateId, emails });
    if (existing) {
      const matchedOn = existing.ashby?.candidateId === hire.candidateId ? 'Ashby candidate' : 'email';
      throw new AppError(
        'conflict',
        `This person is already a member (${memberLabel(existing)}); matched on ${matchedOn}`,
        {
          details: { memberId: existing.id, matchedOn },
        },
      );
    }
    const destinationIds = await chooseDestinations(data, input.destinations);
    const at = deps.clock.now();
    const department = await unit(
      deps,
      data,
      'department',
      hire.ashbyRefs.departmentId,
      values['department'],
      at,
    );
    const location = await unit(deps, data, 'location', hire.ashbyRefs.locationId, values['location'], at);
    const manager = await resolveManager(data, values['reportingTo']);
    const member: Member = {
      id: deps.ids.newId(),
      fields: { ...values, workEmail: values['workEmail'] ?? null },
      department,
      location,
      managerId: manager.status === 'matched' ? manager.memberId : null,
      ashby: {
        connectionId: hire.connectionId,
        candidateId: hire.candidateId,
        applicationId: hire.applicationId,
      },
      newHireId: hire.id,
      createdAt: at,
      updatedAt: at,
    };
    if (!(await data.insertMember(member))) {
      const raced = await data.findMemberByNewHire(hire.id);
      if (raced) return { member: raced, created: false };
    }
    await data.updateNewHire(hire.id, { status: 'added', memberId: member.id, updatedAt: at });
    // A hire into an opening HireBridge published fills that position; the next sync closes the opening.
    const positionId = hire.ashbyRefs.openingId
      ? await data.positions.fillFromOpening({
          connectionId: hire.connectionId,
          openingId: hire.ashbyRefs.openingId,
          memberId: member.id,
          at,
        })
      : null;
    // The documents move with the new hire: the member owns them from now on (same stored files).
    await data.documents.moveToMember(hire.id, member.id, at);
    // One push job per chosen destination, committed with the member (unique per member and destination).
    await queuePushes(data, member.id, destinationIds, at);
    await data.addHistory({
      id: deps.ids.newId(),
      newHireId: hire.id,
      at,
      actor: input.actor,
      kind: 'added',
      changes: {},
    });
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: 'new_hire.add_member',
      targetType: 'new_hire',
      targetId: hire.id,
      details: {
        memberId: member.id,
        destinations: destinationIds,
        ...(positionId ? { positionId } : {}),
      },
    });
    return { member, created: true };
  });
}

/** The destinations asked for (each must exist and be enabled), or every enabled one when none were named. */
async function chooseDestinations(data: InboxData, asked: readonly string[] | undefined): Promise<string[]> {
  if (asked === undefined)
    return (await data.pushes.destinations()).filter((d) => d.enabled).map((d) => d.id);
  const unique = [...new Set(asked)];
  const found = new Map((await data.pushes.destinations(unique)).map((d) => [d.id, d]));
  const problems = unique.flatMap((id, index) => {
    const destination = found.get(id);
    if (!destination) return [{ field: `destinations.${index}`, message: `no destination has the id ${id}` }];
    if (!destination.enabled)
      return [{ field: `destinations.${index}`, message: `the destination ${destination.name} is disabled` }];
    return [];
  });
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      details: { problems },
    });
  }
  return unique;
}

async function unit(
  deps: InboxDeps,
  data: InboxData,
  kind: 'department' | 'location',
  ashbyId: string | null,
  name: FieldValue | null | undefined,
  at: number,
): Promise<OrgUnit | null> {
  const label = text(name);
  return label === null
    ? null
    : matchOrgUnit(data, { kind, ashbyId, name: label, newId: deps.ids.newId(), at });
}

export function memberLabel(member: Member): string {
  return (
    [member.fields['firstName'], member.fields['lastName']].filter((v) => typeof v === 'string').join(' ') ||
    member.id
  );
}
