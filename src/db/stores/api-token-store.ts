import type { Kysely } from 'kysely';
import type { Role } from '../../core/auth/role.js';
import type { ApiTokenRecord, ApiTokenStore } from '../../core/ports/api-token-store.js';
import type { Clock } from '../../core/ports/clock.js';
import type { DatabaseHealth } from '../../core/ports/database-health.js';
import { pendingMigrations } from '../migrations/migrator.js';
import {
  findActiveTokenByHash,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
} from '../repositories/api-token.repository.js';
import { pingDatabase } from '../repositories/database-health.repository.js';
import type { ApiTokenRow } from '../tables/api-token.table.js';
import type { Database } from '../tables/database.js';

/** Binds handle-first repository functions to one database, as the ports the use cases take. */
export function apiTokenStore(db: Kysely<Database>, clock: Clock): ApiTokenStore {
  const toRecord = (row: ApiTokenRow): ApiTokenRecord => ({
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    userId: row.user_id,
  });
  return {
    insert: (record, tokenHash) =>
      insertApiToken(db, {
        id: record.id,
        name: record.name,
        role: record.role satisfies Role,
        token_hash: tokenHash,
        created_at: record.createdAt,
        last_used_at: null,
        revoked_at: null,
        user_id: record.userId,
      }),
    findActiveByHash: async (hash) => {
      const row = await findActiveTokenByHash(db, hash);
      return row && toRecord(row);
    },
    list: async () => (await listApiTokens(db)).map(toRecord),
    revoke: (id) => revokeApiToken(db, id, clock.now()),
    touch: (id) => touchApiToken(db, id, clock.now()),
  };
}

export function databaseHealth(db: Kysely<Database>): DatabaseHealth {
  return { ping: () => pingDatabase(db), pendingMigrations: () => pendingMigrations(db) };
}
