import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'hb_';

/** A new API token: 32 random bytes, prefixed so leaked tokens are recognisable by secret scanners. */
export function generateApiToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Only this hash is stored. SHA-256 (not a slow password hash) is right here because the token carries
 * 256 bits of entropy: there is nothing to brute-force, and lookups stay one indexed query.
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
