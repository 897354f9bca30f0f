/**
 * A HireBridge user: a person who works in HireBridge (distinct from members, the people in the
 * directory). Roles:
 *   admin   connects Ashby, edits mappings and settings, manages users; may do everything an inbox manager may;
 *   inbox   Inbox manager, the "Manage ATS inbox" permission: reviews new hires and receives their notifications;
 *   viewer  may read but not manage the inbox, so may not receive new-hire notifications.
 * Sign-in (passwords, sessions) comes with the admin web app.
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
}

/** The "Manage ATS inbox" permission: held by inbox managers and admins. */
export const mayManageInbox = (role: UserRole): boolean => role === 'admin' || role === 'inbox';
