import { AppError, notFound } from '../core/errors/app-error.js';
import { isCalendarDate } from '../core/model/calendar-date.js';
import type { EmploymentType, Position, PositionStatus } from '../core/model/position.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { PositionData, PositionStore } from '../core/ports/position-store.js';
import type { Actor } from './actor.js';

export interface PositionDeps {
  readonly positions: PositionStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
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

export function createPosition(
  deps: PositionDeps,
  input: { position: PositionInput; actor: Actor },
): Promise<Position> {
  const fields = merged(DEFAULTS, input.position);
  return deps.positions.transaction(async (data) => {
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
    await data.insertPosition(position);
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: 'position.create',
      targetType: 'position',
      targetId: position.id,
      details: { recruiting: position.recruiting },
    });
    return position;
  });
}

/** Changes the given keys of an open position; a filled or closed one is refused (it is history). */
export function updatePosition(
  deps: PositionDeps,
  input: { id: string; changes: PositionInput; actor: Actor },
): Promise<Position> {
  return deps.positions.transaction(async (data) => {
    const current = await requirePosition(data, input.id);
    if (current.status !== 'open')
      throw new AppError('conflict', `This position is ${current.status}; only open positions can be edited`);
    const next = merged(current, input.changes);
    const changed = changedKeys(current, next);
    if (changed.length === 0) return current;
    const at = deps.clock.now();
    const position: Position = { ...current, ...next, revision: current.revision + 1, updatedAt: at };
    await data.savePosition(position);
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: 'position.update',
      targetType: 'position',
      targetId: position.id,
      details: { fields: changed },
    });
    return position;
  });
}

/** Closes an open position with a reason; its Ashby openings are closed by the next sync. */
export function closePosition(
  deps: PositionDeps,
  input: { id: string; reason: string; actor: Actor },
): Promise<Position> {
  const reason = input.reason.trim();
  if (reason === '')
    throw new AppError('validation_failed', 'Invalid body: reason: is required', {
      details: { problems: [{ field: 'reason', message: 'is required' }] },
    });
  return deps.positions.transaction(async (data) => {
    const current = await requirePosition(data, input.id);
    if (current.status === 'closed') return current;
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
    await data.savePosition(position);
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: 'position.close',
      targetType: 'position',
      targetId: position.id,
      details: {},
    });
    return position;
  });
}

export function listPositions(
  deps: PositionDeps,
  filter: { status?: PositionStatus; limit: number },
): Promise<Position[]> {
  return deps.positions.read((data) => data.listPositions(filter));
}

export function getPosition(deps: PositionDeps, id: string): Promise<Position> {
  return deps.positions.read((data) => requirePosition(data, id));
}
