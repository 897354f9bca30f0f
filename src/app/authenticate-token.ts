import type { Principal } from '../core/auth/role.js';
import { AppError } from '../core/errors/app-error.js';
import type { ApiTokenStore, TokenCodec } from '../core/ports/api-token-store.js';

/** Resolves `Authorization: Bearer <token>` to a principal, or fails with `unauthorized`. */
export async function authenticateToken(
  deps: { readonly tokens: ApiTokenStore; readonly codec: TokenCodec },
  authorization: string | undefined,
): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) {
    throw new AppError('unauthorized', 'Send an API token as "Authorization: Bearer <token>"');
  }
  const record = await deps.tokens.findActiveByHash(deps.codec.hash(match[1]));
  if (!record) throw new AppError('unauthorized', 'The API token is unknown or revoked');
  await deps.tokens.touch(record.id);
  return { kind: 'token', id: record.id, name: record.name, role: record.role };
}
