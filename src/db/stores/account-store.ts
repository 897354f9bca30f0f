import type { Kysely } from 'kysely';
import type { Invite } from '../../core/auth/invite.js';
import { emailKey } from '../../core/model/user.js';
import type { AccountData, AccountStore } from '../../core/ports/account-store.js';
import {
  deleteEndedSessionRows,
  deleteSessionRow,
  deleteUserSessionRows,
  findSessionRow,
  insertSessionRow,
  touchSessionRow,
} from '../repositories/session.repository.js';
import {
  deleteUnusedInviteRows,
  findInviteRow,
  insertInviteRow,
  useInviteRow,
} from '../repositories/user-invite.repository.js';
import {
  anyUserWithPassword,
  countOtherSignedUpAdmins,
  findUserRow,
  insertUserOnce,
  lockAdminRows,
  setUserDeactivatedAt,
  updateUserRow,
} from '../repositories/user.repository.js';
import { revokeUserApiTokens } from '../repositories/api-token.repository.js';
import type { Database } from '../tables/database.js';
import { auditLog } from './audit-store.js';
import { toUser } from './user-store.js';

/** Account operations over one Kysely handle (the database or a transaction). */
function accountData(db: Kysely<Database>, inTransaction: boolean): AccountData {
  return {
    audit: (entry) => auditLog(db).audit(entry),
    findCredentials: async (by) => {
      const row = await findUserRow(db, 'id' in by ? { id: by.id } : { emailKey: emailKey(by.email) });
      return row && { user: toUser(row), passwordHash: row.password_hash, deactivatedAt: row.deactivated_at };
    },
    insertUser: (user, passwordHash) =>
      insertUserOnce(db, {
        id: user.id,
        email: user.email,
        email_key: emailKey(user.email),
        name: user.name,
        role: user.role,
        created_at: user.createdAt,
        created_by: user.createdBy,
        password_hash: passwordHash,
      }),
    updateUser: (id, change) =>
      updateUserRow(db, id, {
        ...(change.name === undefined ? {} : { name: change.name }),
        ...(change.role === undefined ? {} : { role: change.role }),
        ...(change.passwordHash === undefined ? {} : { password_hash: change.passwordHash }),
      }),
    anySignedUp: () => anyUserWithPassword(db),
    otherSignedUpAdmins: async (exceptUserId) => {
      if (inTransaction) await lockAdminRows(db);
      return countOtherSignedUpAdmins(db, exceptUserId);
    },

    insertInvite: (i) =>
      insertInviteRow(db, {
        token_hash: i.tokenHash,
        user_id: i.userId,
        purpose: i.purpose,
        created_at: i.createdAt,
        expires_at: i.expiresAt,
        used_at: i.usedAt,
      }),
    findInvite: async (tokenHash) => {
      const row = await findInviteRow(db, tokenHash);
      return (
        row && {
          tokenHash: row.token_hash,
          purpose: row.purpose as Invite['purpose'],
          userId: row.user_id,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
        }
      );
    },
    useInvite: (tokenHash, now) => useInviteRow(db, tokenHash, now),
    voidInvites: (purpose, userId) => deleteUnusedInviteRows(db, purpose, userId),

    insertSession: (s) =>
      insertSessionRow(db, {
        id: s.idHash,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        expires_at: s.expiresAt,
      }),
    findSession: async (idHash) => {
      const row = await findSessionRow(db, idHash);
      return (
        row && {
          idHash: row.id,
          userId: row.user_id,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
        }
      );
    },
    touchSession: (idHash, now, minIntervalMs) => touchSessionRow(db, idHash, now, minIntervalMs),
    deleteSession: (idHash) => deleteSessionRow(db, idHash),
    pruneSessions: (now, idleMs) => deleteEndedSessionRows(db, now, idleMs),
    deleteUserSessions: (userId, exceptIdHash) => deleteUserSessionRows(db, userId, exceptIdHash),
    setDeactivated: (userId, at) => setUserDeactivatedAt(db, userId, at),
    revokeUserApiTokens: (userId, now) => revokeUserApiTokens(db, userId, now),
  };
}

export function accountStore(db: Kysely<Database>): AccountStore {
  return {
    ...accountData(db, false),
    transaction: (work) => db.transaction().execute((trx) => work(accountData(trx, true))),
  };
}
