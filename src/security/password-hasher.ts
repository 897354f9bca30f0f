import argon2 from 'argon2';
import type { PasswordHasher } from '../core/ports/password-hasher.js';

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): strong, and light enough
 * that concurrent sign-ins cannot exhaust a small server's memory. The parameters are stored in each
 * hash, so raising them later keeps old hashes verifiable.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const argon2PasswordHasher: PasswordHasher = {
  hash: (password) => argon2.hash(password, OPTIONS),
  verify: async (hash, password) => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A malformed hash (never written by us) matches nothing.
      return false;
    }
  },
};
