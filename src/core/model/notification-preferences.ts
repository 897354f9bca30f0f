/** How one user wants to hear about new hires: in the app, by email, and mentioned in Slack. */
export interface NotificationPreferences {
  readonly inApp: boolean;
  readonly email: boolean;
  /** Slack member id (such as U024BE7LH) mentioned in the connection's Slack message; null: none. */
  readonly slackMemberId: string | null;
}

/** A user who never chose: told in the app and by email, not mentioned in Slack. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  inApp: true,
  email: true,
  slackMemberId: null,
};

/** A Slack member or user id as Slack shows it in a profile ("Copy member ID"). */
export const SLACK_MEMBER_ID = /^[UW][A-Z0-9]{2,30}$/;
