import type { Selectable } from 'kysely';

export interface SessionTable {
  /** SHA-256 (hex) of the cookie value. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}
export type SessionRow = Selectable<SessionTable>;

export interface UserInviteTable {
  /** SHA-256 (hex) of the link's token. */
  token_hash: string;
  /** Null for the first-run setup link. */
  user_id: string | null;
  /** setup, invite, reset */
  purpose: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}
export type UserInviteRow = Selectable<UserInviteTable>;

export interface LoginThrottleTable {
  /** 'pair:<email key>|<address group>', 'address:<address group>' or 'account:<email key>' */
  key: string;
  /** Attempts counted in the window (before the password is checked). */
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}

export interface SignInKnownAddressTable {
  account_key: string;
  address_key: string;
  last_success_at: number;
}
