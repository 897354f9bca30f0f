import type { LogWindow } from '../model/log-window.js';
import type { AuditEntry } from '../model/member.js';

export interface AuditFilter extends LogWindow {
  /** An action (`user.role`) or a group of them (`user` matches `user.*`). */
  readonly action?: string;
  /** Words found in who did it (their name or id), case folded. */
  readonly actor?: string;
}

/** What an audit entry points at, named as it is now (null when it no longer exists). */
export interface AuditTargetName {
  readonly targetType: string;
  readonly targetId: string;
  readonly name: string | null;
}

/** The audit log: written in the transaction of the action it records, read by admins. */
export interface AuditLog {
  audit(entry: AuditEntry): Promise<void>;
  listAudit(filter: AuditFilter): Promise<AuditEntry[]>;
  /** The current names of the entries' targets (users, new hires, members, settings), in one read. */
  auditTargetNames(
    targets: readonly { readonly targetType: string; readonly targetId: string }[],
  ): Promise<AuditTargetName[]>;
}
