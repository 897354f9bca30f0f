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

/**
 * Whether `principal` may do what needs `needed`. A `read` (GET) is also open to a viewer, who may see
 * everything an admin sees but change nothing; a secret shown again on request (the webhook Secret
 * Token) is not a read in that sense and stays the role's alone.
 */
export function allows(principal: Principal, needed: Role, access: 'read' | 'change' = 'change'): boolean {
  if (access === 'read' && principal.role === 'viewer') return true;
  return principal.role === 'admin' || principal.role === needed;
}
