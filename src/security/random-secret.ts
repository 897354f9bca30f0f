import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: session cookies, CSRF tokens, setup and invite links. */
export function newRandomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The stored form of a random secret. SHA-256, not a slow hash: the secret carries 256 bits of entropy,
 * so there is nothing to brute-force, and lookups stay one indexed query.
 */
export function hashRandomSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
