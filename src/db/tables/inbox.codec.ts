import type { AuditEntry } from '../../core/model/member.js';
import type { HistoryEntry, Tombstone } from '../../core/model/new-hire.js';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import type {
  AuditLogRow,
  AuditLogTable,
  NewHireHistoryRow,
  NewHireHistoryTable,
  TombstoneRow,
  TombstoneTable,
} from './inbox.table.js';

const json = <T>(text: string) => JSON.parse(text) as T;

export const newHireHistoryContext = (id: string) => `new_hire_history.changes:${id}`;

/** Row codecs of `new_hire_history`, `new_hire_tombstones` and `audit_log`. */
export const historyRow = (e: HistoryEntry, seal: PersonalDataSeal): NewHireHistoryTable => ({
  id: e.id,
  new_hire_id: e.newHireId,
  at: e.at,
  actor: e.actor,
  kind: e.kind,
  changes: JSON.stringify(seal.sealMap(e.changes, newHireHistoryContext(e.id))),
});

export const toHistoryEntry = (r: NewHireHistoryRow, seal: PersonalDataSeal): HistoryEntry => ({
  id: r.id,
  newHireId: r.new_hire_id,
  at: r.at,
  actor: r.actor,
  kind: r.kind as HistoryEntry['kind'],
  changes: seal.openMap(json(r.changes), newHireHistoryContext(r.id)),
});

export const tombstoneRow = (t: Tombstone): TombstoneTable => ({
  connection_id: t.connectionId,
  application_id: t.applicationId,
  new_hire_id: t.newHireId,
  deleted_by: t.deletedBy,
  deleted_at: t.deletedAt,
});

export const toTombstone = (row: TombstoneRow): Tombstone => ({
  connectionId: row.connection_id,
  applicationId: row.application_id,
  newHireId: row.new_hire_id,
  deletedBy: row.deleted_by,
  deletedAt: row.deleted_at,
});

export const auditRow = (e: AuditEntry): AuditLogTable => ({
  id: e.id,
  at: e.at,
  actor: e.actor,
  action: e.action,
  target_type: e.targetType,
  target_id: e.targetId,
  details: JSON.stringify(e.details),
});

export const toAuditEntry = (r: AuditLogRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  details: json(r.details),
});
