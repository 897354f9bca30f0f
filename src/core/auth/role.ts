import type { UserRole } from '../model/user.js';

/** Who may do what. `inbox` is the "Manage ATS inbox" permission; `admin` may do everything. */
export const ROLES = ['admin', 'inbox'] as const;
export type Role = (typeof ROLES)[number];

/** A caller authenticated by an API token (scripts, other systems; also the CLI and the demo). */
export interface TokenPrincipal {
  readonly kind: 'token';
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

/**
 * A signed-in HireBridge user (a session cookie). The role is read from the user on every request, so
 * a role change takes effect at the next one. A viewer holds neither admin nor inbox.
 */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
}

export type Principal = TokenPrincipal | UserPrincipal;

export function allows(principal: Principal, needed: Role): boolean {
  return principal.role === 'admin' || principal.role === needed;
}
