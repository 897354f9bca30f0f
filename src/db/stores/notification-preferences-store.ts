import type { Kysely } from 'kysely';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationPreferences,
} from '../../core/model/notification-preferences.js';
import type { NotificationPreferenceStore } from '../../core/ports/notification-preference-store.js';
import type { Database } from '../tables/database.js';

/** Preferences by user id; users without a row get the defaults. Takes the caller's handle (a transaction too). */
export async function preferencesOf(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<Map<string, NotificationPreferences>> {
  const found = new Map<string, NotificationPreferences>(
    userIds.map((id) => [id, DEFAULT_NOTIFICATION_PREFERENCES]),
  );
  if (userIds.length === 0) return found;
  const rows = await db
    .selectFrom('user_notification_preferences')
    .selectAll()
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const row of rows)
    found.set(row.user_id, {
      inApp: Number(row.in_app) === 1,
      email: Number(row.email) === 1,
      slackMemberId: row.slack_member_id,
    });
  return found;
}

export function notificationPreferenceStore(db: Kysely<Database>): NotificationPreferenceStore {
  return {
    get: async (userId) =>
      (await preferencesOf(db, [userId])).get(userId) ?? DEFAULT_NOTIFICATION_PREFERENCES,
    preferencesOf: (userIds) => preferencesOf(db, userIds),
    save: async (userId, p, at) => {
      const values = {
        in_app: p.inApp ? 1 : 0,
        email: p.email ? 1 : 0,
        slack_member_id: p.slackMemberId,
        updated_at: at,
      };
      await db
        .insertInto('user_notification_preferences')
        .values({ user_id: userId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
    },
  };
}
