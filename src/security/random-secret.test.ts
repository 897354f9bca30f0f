import { describe, expect, it } from 'vitest';
import { hashRandomSecret, newRandomSecret } from './random-secret.js';

describe('random secrets', () => {
  it('are 32 random bytes in base64url, hashed to SHA-256 hex', () => {
    const a = newRandomSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newRandomSecret()).not.toBe(a);
    expect(hashRandomSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRandomSecret(a)).not.toContain(a);
  });
});
