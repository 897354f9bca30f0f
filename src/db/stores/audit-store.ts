import type { Kysely } from 'kysely';
import type { AuditLog } from '../../core/ports/audit-log.js';
import { displayNameOf } from '../../core/names/display-name.js';
import { findAuditTargetRows, type AuditTargetRow } from '../repositories/audit-target.repository.js';
import { insertAudit, listAuditRows } from '../repositories/inbox.repository.js';
import type { Database } from '../tables/database.js';
import { auditRow, toAuditEntry } from '../tables/inbox.codec.js';

/** A person's name from their fields JSON: new hires keep `{key: {value}}`, members `{key: value}`. */
function nameOf(row: AuditTargetRow): string | null {
  if (row.target_type !== 'new_hire' && row.target_type !== 'member') return row.label;
  const fields = JSON.parse(row.label) as Record<string, unknown>;
  return displayNameOf((key) => {
    const value = fields[key];
    return row.target_type === 'new_hire' && typeof value === 'object' && value !== null && 'value' in value
      ? value.value
      : value;
  });
}

/** The audit log over one handle: pass the use case's transaction, so the entry commits with the action. */
export function auditLog(db: Kysely<Database>): AuditLog {
  return {
    audit: (e) => insertAudit(db, auditRow(e)),
    listAudit: async (filter) => (await listAuditRows(db, filter)).map(toAuditEntry),
    auditTargetNames: async (targets) =>
      (await findAuditTargetRows(db, targets)).map((r) => ({
        targetType: r.target_type,
        targetId: r.id,
        name: nameOf(r),
      })),
  };
}
