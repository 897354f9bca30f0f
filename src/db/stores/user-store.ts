import type { Kysely } from 'kysely';
import { emailKey, type User, type UserRole } from '../../core/model/user.js';
import type { UserStore } from '../../core/ports/user-store.js';
import {
  deactivatedUserRows,
  findUserRow,
  insertUserOnce,
  listUserRows,
} from '../repositories/user.repository.js';
import type { Database } from '../tables/database.js';
import type { UserRow } from '../tables/notification.table.js';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as UserRole,
    createdAt: row.created_at,
    createdBy: row.created_by,
    signedUp: row.password_hash !== null,
  };
}

export function userStore(db: Kysely<Database>): UserStore {
  return {
    insert: (u) =>
      insertUserOnce(db, {
        id: u.id,
        email: u.email,
        email_key: emailKey(u.email),
        name: u.name,
        role: u.role,
        created_at: u.createdAt,
        created_by: u.createdBy,
        password_hash: null,
      }),
    find: async (id) => {
      const row = await findUserRow(db, { id });
      return row && toUser(row);
    },
    findByEmail: async (email) => {
      const row = await findUserRow(db, { emailKey: emailKey(email) });
      return row && toUser(row);
    },
    list: async () => (await listUserRows(db)).map(toUser),
  };
}

/** Which users are deactivated (id to the time), for the user list. */
export async function deactivatedUsers(db: Kysely<Database>): Promise<Map<string, number>> {
  return new Map((await deactivatedUserRows(db)).map((r) => [r.id, Number(r.deactivated_at)]));
}
