import type { Position, PositionStatus } from '../../core/model/position.js';
import type { OpeningSyncSettings, PublishedOpening, SyncRun } from '../../core/ports/opening-sync-store.js';
import type {
  OpeningSyncRunRow,
  OpeningSyncSettingsTable,
  PositionOpeningTable,
  PositionRow,
  PositionTable,
} from './position.table.js';

const json = <T>(text: string) => JSON.parse(text) as T;

/** The row codec of `positions`, `position_openings`, `opening_sync_settings` and `opening_sync_runs`. */
export function toPosition(row: PositionRow): Position {
  return {
    id: row.id,
    title: row.title,
    department: row.department,
    location: row.location,
    employmentType: row.employment_type as Position['employmentType'],
    targetHireDate: row.target_hire_date,
    targetStartDate: row.target_start_date,
    recruiting: Number(row.recruiting) === 1,
    requisitionId: row.requisition_id,
    description: row.description,
    ashbyJobId: row.ashby_job_id,
    customFields: json(row.custom_fields),
    status: row.status as PositionStatus,
    closeReason: row.close_reason,
    filledByMemberId: row.filled_by_member_id,
    revision: Number(row.revision),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function positionRow(p: Position): PositionTable {
  return {
    id: p.id,
    title: p.title,
    department: p.department,
    location: p.location,
    employment_type: p.employmentType,
    target_hire_date: p.targetHireDate,
    target_start_date: p.targetStartDate,
    recruiting: p.recruiting ? 1 : 0,
    requisition_id: p.requisitionId,
    description: p.description,
    ashby_job_id: p.ashbyJobId,
    custom_fields: JSON.stringify(p.customFields),
    status: p.status,
    close_reason: p.closeReason,
    filled_by_member_id: p.filledByMemberId,
    revision: p.revision,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

/** The settings of a connection; a connection without a row has sync off and nothing chosen. */
export function toOpeningSyncSettings(
  connectionId: string,
  row: { readonly [K in 'enabled' | 'custom_fields' | 'field_ids']: OpeningSyncSettingsTable[K] | null },
): OpeningSyncSettings {
  return {
    connectionId,
    enabled: Number(row.enabled ?? 0) === 1,
    customFields: json(row.custom_fields ?? '[]'),
    fieldIds: json(row.field_ids ?? '{}'),
  };
}

export function toPublishedOpening(row: PositionOpeningTable): PublishedOpening {
  return {
    positionId: row.position_id,
    openingId: row.opening_id,
    pushedRevision: Number(row.pushed_revision),
    closed: Number(row.closed) === 1,
  };
}

export function publishedOpeningColumns(o: PublishedOpening, at: number) {
  return {
    opening_id: o.openingId,
    pushed_revision: o.pushedRevision,
    closed: o.closed ? 1 : 0,
    updated_at: at,
  } satisfies Partial<PositionOpeningTable>;
}

export function toSyncRun(row: OpeningSyncRunRow): SyncRun {
  return {
    id: row.id,
    connectionId: row.connection_id,
    status: row.status as SyncRun['status'],
    created: Number(row.created),
    updated: Number(row.updated),
    closed: Number(row.closed),
    failed: Number(row.failed),
    errors: json(row.errors),
    startedAt: Number(row.started_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}

/** The columns a run's outcome sets (its counts, errors and end). */
export function syncRunOutcome(run: SyncRun) {
  return {
    status: run.status,
    created: run.created,
    updated: run.updated,
    closed: run.closed,
    failed: run.failed,
    errors: JSON.stringify(run.errors),
    finished_at: run.finishedAt,
  };
}
