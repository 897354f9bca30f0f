import type { Kysely } from 'kysely';
import type { AuditLog } from '../../core/ports/audit-log.js';
import { insertAudit, listAuditRows } from '../repositories/inbox.repository.js';
import type { Database } from '../tables/database.js';
import { auditRow, toAuditEntry } from '../tables/inbox.codec.js';

/** The audit log over one handle: pass the use case's transaction, so the entry commits with the action. */
export function auditLog(db: Kysely<Database>): AuditLog {
  return {
    audit: (e) => insertAudit(db, auditRow(e)),
    listAudit: async (filter) => (await listAuditRows(db, filter)).map(toAuditEntry),
  };
}
