import { describe, expect, it } from 'vitest';
import { argon2PasswordHasher } from './password-hasher.js';

describe('argon2 password hasher', () => {
  it('hashes with argon2id and a salt, and verifies only the right password', async () => {
    const hash = await argon2PasswordHasher.hash('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(hash).not.toContain('correct horse battery');
    expect(await argon2PasswordHasher.hash('correct horse battery')).not.toBe(hash);
    expect(await argon2PasswordHasher.verify(hash, 'correct horse battery')).toBe(true);
    expect(await argon2PasswordHasher.verify(hash, 'correct horse battery ')).toBe(false);
  });

  it('treats a malformed hash as no match instead of throwing', async () => {
    expect(await argon2PasswordHasher.verify('not a hash', 'whatever')).toBe(false);
  });
});
