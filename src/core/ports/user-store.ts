import type { User } from '../model/user.js';

/** The directory of HireBridge users (people who work in HireBridge, not members). */
export interface UserStore {
  /** False when a user with that email (compared without case) exists. */
  insert(user: User): Promise<boolean>;
  find(id: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  list(): Promise<User[]>;
}
