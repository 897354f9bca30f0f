import type { Role } from '../core/auth/role.js';
import { AppError } from '../core/errors/app-error.js';
import type { ApiTokenRecord, ApiTokenStore, TokenCodec } from '../core/ports/api-token-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';

export interface CreateApiTokenDeps {
  readonly tokens: ApiTokenStore;
  readonly codec: TokenCodec;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Creates an API token. The token is returned this once; only its hash is kept. */
export async function createApiToken(
  deps: CreateApiTokenDeps,
  input: { name: string; role: Role; userId?: string },
): Promise<ApiTokenRecord & { token: string }> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    throw new AppError('validation_failed', 'name must be 1 to 100 characters', {
      details: { field: 'name' },
    });
  }
  const token = deps.codec.generate();
  const record: ApiTokenRecord = {
    id: deps.ids.newId(),
    name,
    role: input.role,
    createdAt: deps.clock.now(),
    lastUsedAt: null,
    revokedAt: null,
    userId: input.userId ?? null,
  };
  await deps.tokens.insert(record, deps.codec.hash(token));
  return { ...record, token };
}
