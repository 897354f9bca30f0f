import type { AuditEntry } from '../model/member.js';

/** The audit log: written in the transaction of the action it records, read by admins. */
export interface AuditLog {
  audit(entry: AuditEntry): Promise<void>;
  listAudit(filter: { limit: number; before?: number }): Promise<AuditEntry[]>;
}
