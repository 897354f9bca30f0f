import type { Role } from '../auth/role.js';

export interface ApiTokenRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly revokedAt: number | null;
  /** The user who created it (their deactivation revokes it); null when made on the command line. */
  readonly userId: string | null;
}

export interface ApiTokenStore {
  insert(record: ApiTokenRecord, tokenHash: string): Promise<void>;
  findActiveByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  list(): Promise<ApiTokenRecord[]>;
  revoke(id: string): Promise<boolean>;
  touch(id: string): Promise<void>;
}

/** Makes and hashes API tokens (implemented in src/security). */
export interface TokenCodec {
  generate(): string;
  hash(token: string): string;
}
