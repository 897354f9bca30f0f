/** One user's notification preferences (migration 0020); no row means the defaults. */
export interface UserNotificationPreferencesTable {
  user_id: string;
  /** 1 or 0. */
  in_app: number;
  /** 1 or 0. */
  email: number;
  slack_member_id: string | null;
  updated_at: number;
}
