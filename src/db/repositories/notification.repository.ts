import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../tables/database.js';
import type {
  ConnectionNotificationSettingsRow,
  ConnectionNotificationSettingsTable,
  NotificationRow,
  NotificationSendRow,
  NotificationSendTable,
  NotificationTable,
} from '../tables/notification.table.js';

export function findNotificationSettingsRow(
  db: Kysely<Database>,
  connectionId: string,
): Promise<ConnectionNotificationSettingsRow | undefined> {
  return db
    .selectFrom('connection_notification_settings')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .executeTakeFirst();
}

/** Creates the connection's row with `change`, or applies `change` to it. */
export async function upsertNotificationSettingsRow(
  db: Kysely<Database>,
  connectionId: string,
  change: Omit<Updateable<ConnectionNotificationSettingsTable>, 'connection_id'> & { updated_at: number },
): Promise<void> {
  await db
    .insertInto('connection_notification_settings')
    .values({
      connection_id: connectionId,
      connected_by_user_id: null,
      recipient_ids: null,
      slack_webhook_sealed: null,
      ...change,
    })
    .onConflict((oc) => oc.column('connection_id').doUpdateSet(change))
    .execute();
}

export async function insertNotificationOnce(
  db: Kysely<Database>,
  row: Insertable<NotificationTable>,
): Promise<boolean> {
  const inserted = await db
    .insertInto('notifications')
    .values(row)
    .onConflict((oc) => oc.columns(['new_hire_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * A destination notice for one user: inserted, or, when the user has an unread one about this
 * destination already (the partial unique index), that one refreshed with the new answer and time.
 * Returns true when a new row was inserted.
 */
export async function upsertDestinationNoticeRow(
  db: Kysely<Database>,
  row: { id: string; user_id: string; destination_id: string; detail: string; created_at: number },
): Promise<boolean> {
  const inserted = await db
    .insertInto('notifications')
    .values({
      ...row,
      kind: 'destination_paused',
      new_hire_id: null,
      connection_id: null,
      read_at: null,
    })
    // No target: the only unique rule a destination notice can break is one unread per destination and user.
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return true;
  await db
    .updateTable('notifications')
    .set({ detail: row.detail, created_at: row.created_at })
    .where('destination_id', '=', row.destination_id)
    .where('user_id', '=', row.user_id)
    .where('read_at', 'is', null)
    .execute();
  return false;
}

export function listNotificationRows(
  db: Kysely<Database>,
  userId: string,
  filter: { unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function countUnreadNotificationRows(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function markNotificationRead(
  db: Kysely<Database>,
  id: string,
  userId: string,
  at: number,
): Promise<boolean> {
  const found = await db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!found) return false;
  if (found.read_at === null)
    await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).execute();
  return true;
}

export async function insertSendOnce(db: Kysely<Database>, row: NotificationSendTable): Promise<boolean> {
  const inserted = await db
    .insertInto('notification_sends')
    .values(row)
    .onConflict((oc) => oc.columns(['new_hire_id', 'channel', 'recipient']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findSendRow(db: Kysely<Database>, id: string): Promise<NotificationSendRow | undefined> {
  return db.selectFrom('notification_sends').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateSendRow(
  db: Kysely<Database>,
  id: string,
  change: Updateable<NotificationSendTable>,
): Promise<void> {
  await db.updateTable('notification_sends').set(change).where('id', '=', id).execute();
}

export function listSendRows(
  db: Kysely<Database>,
  filter: { status?: string; newHireId?: string; limit: number },
): Promise<NotificationSendRow[]> {
  let query = db.selectFrom('notification_sends').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.newHireId) query = query.where('new_hire_id', '=', filter.newHireId);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}
