/**
 * A HireBridge user: a person who works in HireBridge (distinct from members, the people in the
 * directory). Roles:
 *   admin   connects Ashby, edits mappings and settings, manages users; may do everything an inbox manager may;
 *   inbox   Inbox manager, the "Manage ATS inbox" permission: reviews new hires and receives their notifications;
 *   viewer  may read everything an admin sees (not secrets shown again) but change nothing, so may not
 *           receive new-hire notifications.
 * Users sign in with email and password (src/app/sign-in.ts); an invited user has no password yet.
 */
export const USER_ROLES = ['admin', 'inbox', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly createdAt: number;
  readonly createdBy: string;
  /** Whether they have set a password (accepted their invite, or completed setup). */
  readonly signedUp: boolean;
}

/** The form emails are compared in: one user per address, whatever its case. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

/** The "Manage ATS inbox" permission: held by inbox managers and admins. */
export const mayManageInbox = (role: UserRole): boolean => role === 'admin' || role === 'inbox';
