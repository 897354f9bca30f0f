import type { Role } from '../core/auth/role.js';
import type { Principal } from '../core/auth/role.js';
import type { User } from '../core/model/user.js';
import type { ApiTokenRecord } from '../core/ports/api-token-store.js';

/** Password change, deactivation and API tokens: the account lifecycle, each audited in its transaction. */
export interface AccountSecurityServices {
  /** The signed-in user's own password; their other sessions end (`keepCookie` is this session's). */
  changePassword(input: {
    userId: string;
    currentPassword: string;
    newPassword: string;
    keepCookie: string | undefined;
    principal: Principal;
  }): Promise<void>;
  /** A single-use password-reset link for a signed-up, active user (conflict otherwise). */
  createResetLink(input: {
    userId: string;
    principal: Principal;
  }): Promise<{ resetUrl: string; expiresAt: number }>;
  /** Refuses (conflict) to deactivate the last active admin. */
  setUserActive(input: { userId: string; active: boolean; principal: Principal }): Promise<User>;
  /** Which users are deactivated (id to the time), for the user list. */
  deactivatedUsers(): Promise<Map<string, number>>;
  listApiTokens(): Promise<ApiTokenRecord[]>;
  /** A new token bound to the signed-in user who creates it (null for another token). */
  createApiToken(input: {
    name: string;
    role: Role;
    principal: Principal;
  }): Promise<ApiTokenRecord & { token: string }>;
  revokeApiToken(input: { id: string; principal: Principal }): Promise<boolean>;
}
