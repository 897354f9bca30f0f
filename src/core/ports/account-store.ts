import type { AuditLog } from './audit-log.js';
import type { Invite } from '../auth/invite.js';
import type { Session } from '../auth/session.js';
import type { User, UserRole } from '../model/user.js';

/** A user with their password hash (null while invited), for sign-in only: never leaves src/app. */
export interface Credentials {
  readonly user: User;
  readonly passwordHash: string | null;
  /** When an admin deactivated the user (they cannot sign in then); null while active. */
  readonly deactivatedAt: number | null;
}

/**
 * Users' credentials and roles, sign-in links and sessions. The same operations run inside a transaction
 * (AccountStore.transaction) and outside one, so a link is used and its user created together or not at all.
 */
export interface AccountData extends Pick<AuditLog, 'audit'> {
  findCredentials(by: { id: string } | { email: string }): Promise<Credentials | undefined>;
  /** False when a user with that email (compared without case) exists. */
  insertUser(user: User, passwordHash: string | null): Promise<boolean>;
  updateUser(id: string, change: { name?: string; role?: UserRole; passwordHash?: string }): Promise<void>;
  /** Whether any user has a password (then setup is done). */
  anySignedUp(): Promise<boolean>;
  /**
   * Signed-up, active admins other than `exceptUserId`. Inside a transaction it first locks the admins' rows, so
   * two admins demoting each other at once cannot leave none.
   */
  otherSignedUpAdmins(exceptUserId: string): Promise<number>;

  insertInvite(invite: Invite): Promise<void>;
  findInvite(tokenHash: string): Promise<Invite | undefined>;
  /** Marks a valid link used; false when it was used, has expired or does not exist (single use under concurrency). */
  useInvite(tokenHash: string, now: number): Promise<boolean>;
  /** Deletes the unused links of that purpose (and user), so only the newest one works. */
  voidInvites(purpose: Invite['purpose'], userId: string | null): Promise<void>;

  insertSession(session: Session): Promise<void>;
  findSession(idHash: string): Promise<Session | undefined>;
  /** Records activity, at most once per `minIntervalMs`. */
  touchSession(idHash: string, now: number, minIntervalMs: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of the user, except the one whose cookie hashes to `exceptIdHash`. */
  deleteUserSessions(userId: string, exceptIdHash: string | undefined): Promise<void>;
  /** Deactivates (at `at`) or reactivates (null) a user. */
  setDeactivated(userId: string, at: number | null): Promise<void>;
  /** Revokes every live API token the user created. */
  revokeUserApiTokens(userId: string, now: number): Promise<void>;
  /** Deletes sessions that ended (idle or past their absolute end) before `now`. */
  pruneSessions(now: number, idleMs: number): Promise<void>;
}

export interface AccountStore extends AccountData {
  transaction<T>(work: (data: AccountData) => Promise<T>): Promise<T>;
}
