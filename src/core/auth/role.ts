/** Who may do what. `inbox` is the "Manage ATS inbox" permission; `admin` may do everything. */
export const ROLES = ['admin', 'inbox'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly kind: 'token';
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export function allows(principal: Principal, needed: Role): boolean {
  return principal.role === 'admin' || principal.role === needed;
}
