import { AppError, notFound } from '../core/errors/app-error.js';
import { isCalendarDate } from '../core/model/calendar-date.js';
import type { EmploymentType, Position, PositionStatus } from '../core/model/position.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { PositionData } from '../core/ports/position-store.js';
import type { Actor } from './actor.js';
import { memberLabel } from './add-member.js';
import { audited, type AuditedDeps } from './audited.js';

export interface PositionDeps extends AuditedDeps {
  /** Positions outside a transaction, for reads. */
  readonly positions: PositionData;
  /** The directory, for the member who filled each position. */
  readonly inbox: InboxStore;
}

/** The editable part of a position; on create, omitted keys take their defaults, on update they stay. */
export interface PositionInput {
  title?: string | undefined;
  department?: string | null | undefined;
  location?: string | null | undefined;
  employmentType?: EmploymentType | undefined;
  targetHireDate?: string | null | undefined;
  targetStartDate?: string | null | undefined;
  recruiting?: boolean | undefined;
  requisitionId?: string | null | undefined;
  description?: string | undefined;
  ashbyJobId?: string | null | undefined;
  customFields?: Readonly<Record<string, string>> | undefined;
}

/** A position with the name of the member who filled it. */
export type PositionView = Position & { readonly filledBy: { memberId: string; name: string } | null };

type Editable = Omit<
  Position,
  'id' | 'status' | 'closeReason' | 'filledByMemberId' | 'revision' | 'createdAt' | 'updatedAt'
>;

const DEFAULTS: Editable = {
  title: '',
  department: null,
  location: null,
  employmentType: 'FullTime',
  targetHireDate: null,
  targetStartDate: null,
  recruiting: false,
  requisitionId: null,
  description: '',
  ashbyJobId: null,
  customFields: {},
};

const blankToNull = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());

/** Applies the given keys over `base`, then checks what shapes cannot: the title and real calendar dates. */
function merged(base: Editable, input: PositionInput): Editable {
  const next: Editable = {
    title: (input.title ?? base.title).trim(),
    department: input.department === undefined ? base.department : blankToNull(input.department),
    location: input.location === undefined ? base.location : blankToNull(input.location),
    employmentType: input.employmentType ?? base.employmentType,
    targetHireDate: input.targetHireDate === undefined ? base.targetHireDate : input.targetHireDate,
    targetStartDate: input.targetStartDate === undefined ? base.targetStartDate : input.targetStartDate,
    recruiting: input.recruiting ?? base.recruiting,
    requisitionId: input.requisitionId === undefined ? base.requisitionId : blankToNull(input.requisitionId),
    description: input.description ?? base.description,
    ashbyJobId: input.ashbyJobId === undefined ? base.ashbyJobId : blankToNull(input.ashbyJobId),
    customFields: input.customFields ?? base.customFields,
  };
  const problems: { field: string; message: string }[] = [];
  if (next.title === '') problems.push({ field: 'title', message: 'is required' });
  for (const field of ['targetHireDate', 'targetStartDate'] as const) {
    const value = next[field];
    if (value !== null && !isCalendarDate(value))
      problems.push({ field, message: `${value} is not a date (YYYY-MM-DD)` });
  }
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      `Invalid position: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      { details: { problems } },
    );
  }
  return next;
}

const changedKeys = (before: Editable, after: Editable) =>
  (Object.keys(after) as (keyof Editable)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );

async function requirePosition(data: PositionData, id: string): Promise<Position> {
  const position = await data.findPosition(id);
  if (!position) throw notFound('Position');
  return position;
}

/** The positions with the member who filled each (one directory read for the whole list). */
async function viewsOf(deps: PositionDeps, positions: readonly Position[]): Promise<PositionView[]> {
  return deps.inbox.read(async (data) => {
    const views: PositionView[] = [];
    for (const p of positions) {
      const member = p.filledByMemberId ? await data.findMember(p.filledByMemberId) : undefined;
      views.push({ ...p, filledBy: member ? { memberId: member.id, name: memberLabel(member) } : null });
    }
    return views;
  });
}

const viewOf = async (deps: PositionDeps, position: Position) => (await viewsOf(deps, [position]))[0]!;

export async function createPosition(
  deps: PositionDeps,
  input: { position: PositionInput; actor: Actor },
): Promise<PositionView> {
  const fields = merged(DEFAULTS, input.position);
  const created = await audited(deps, input.actor, async (data) => {
    const at = deps.clock.now();
    const position: Position = {
      ...fields,
      id: deps.ids.newId(),
      status: 'open',
      closeReason: null,
      filledByMemberId: null,
      revision: 1,
      createdAt: at,
      updatedAt: at,
    };
    await data.positions.insertPosition(position);
    return [
      position,
      {
        action: 'position.create',
        targetType: 'position',
        targetId: position.id,
        details: { recruiting: position.recruiting },
      },
    ] as const;
  });
  return viewOf(deps, created);
}

/** Changes the given keys of an open position; a filled or closed one is refused (it is history). */
export async function updatePosition(
  deps: PositionDeps,
  input: { id: string; changes: PositionInput; actor: Actor },
): Promise<PositionView> {
  const updated = await audited(deps, input.actor, async (data) => {
    const current = await requirePosition(data.positions, input.id);
    if (current.status !== 'open')
      throw new AppError('conflict', `This position is ${current.status}; only open positions can be edited`);
    const next = merged(current, input.changes);
    const changed = changedKeys(current, next);
    if (changed.length === 0) return [current, null] as const;
    const at = deps.clock.now();
    const position: Position = { ...current, ...next, revision: current.revision + 1, updatedAt: at };
    await data.positions.savePosition(position);
    return [
      position,
      {
        action: 'position.update',
        targetType: 'position',
        targetId: position.id,
        details: { fields: changed },
      },
    ] as const;
  });
  return viewOf(deps, updated);
}

/** Closes an open position with a reason; its Ashby openings are closed by the next sync. */
export async function closePosition(
  deps: PositionDeps,
  input: { id: string; reason: string; actor: Actor },
): Promise<PositionView> {
  const reason = input.reason.trim();
  if (reason === '')
    throw new AppError('validation_failed', 'Invalid body: reason: is required', {
      details: { problems: [{ field: 'reason', message: 'is required' }] },
    });
  const closed = await audited(deps, input.actor, async (data) => {
    const current = await requirePosition(data.positions, input.id);
    if (current.status === 'closed') return [current, null] as const;
    if (current.status === 'filled')
      throw new AppError('conflict', 'This position is already filled; there is nothing to close');
    const at = deps.clock.now();
    const position: Position = {
      ...current,
      status: 'closed',
      closeReason: reason,
      revision: current.revision + 1,
      updatedAt: at,
    };
    await data.positions.savePosition(position);
    return [position, { action: 'position.close', targetType: 'position', targetId: position.id }] as const;
  });
  return viewOf(deps, closed);
}

export async function listPositions(
  deps: PositionDeps,
  filter: { status?: PositionStatus; limit: number },
): Promise<PositionView[]> {
  return viewsOf(deps, await deps.positions.listPositions(filter));
}

export async function getPosition(deps: PositionDeps, id: string): Promise<PositionView> {
  return viewOf(deps, await requirePosition(deps.positions, id));
}
