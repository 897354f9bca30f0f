import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Each user's own notification preferences: in-app and email on or off (1/0, the same on both
 * dialects), and the Slack member id to mention in the connection's Slack message. No row: the
 * defaults (in-app and email on, no mention).
 * @public (listed in migrator.ts)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_notification_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('slack_member_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_notification_preferences').execute();
}
