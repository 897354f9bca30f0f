import type { NotificationPreferences } from '../model/notification-preferences.js';

/** Each user's own notification preferences. */
export interface NotificationPreferenceStore {
  /** The user's preferences, or the defaults when they never chose. */
  get(userId: string): Promise<NotificationPreferences>;
  /** Several users' at once (the defaults for those who never chose). */
  preferencesOf(userIds: readonly string[]): Promise<Map<string, NotificationPreferences>>;
  save(userId: string, preferences: NotificationPreferences, at: number): Promise<void>;
}
