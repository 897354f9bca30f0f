/** Slow, salted password hashing (argon2id; implemented in src/security). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password; never throws for a malformed hash, which is simply no match. */
  verify(hash: string, password: string): Promise<boolean>;
}
