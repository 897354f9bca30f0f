import type { ActiveSession, SignedIn } from '../app/sign-in-deps.js';
import type { UserRole } from '../core/model/user.js';

/** Sign-in: the first-run setup, email and password, sessions and invite links. */
export interface AuthServices {
  state(): Promise<{ setupRequired: boolean }>;
  /** Resolves when a setup link can still create the first admin; otherwise says why not. */
  viewSetupLink(token: string): Promise<void>;
  setup(input: { token: string; email: string; name: string; password: string }): Promise<SignedIn>;
  /** `address`: the client's IP, for the per-address throttle. */
  login(input: { email: string; password: string; address: string }): Promise<SignedIn>;
  /** The live session of a session cookie's value, or undefined. */
  resume(cookie: string): Promise<ActiveSession | undefined>;
  logout(cookie: string): Promise<void>;
  viewInvite(token: string): Promise<{ email: string; name: string; role: UserRole }>;
  acceptInvite(input: { token: string; name?: string; password: string }): Promise<SignedIn>;
  /** Whose password a reset link (made by an admin) sets. */
  viewResetLink(token: string): Promise<{ email: string; name: string }>;
  resetPassword(input: { token: string; password: string }): Promise<SignedIn>;
}
