import type { Kysely } from 'kysely';
import type { Database } from '../tables/database.js';
import type { WebhookDeliveryRow, WebhookDeliveryTable } from '../tables/webhook-delivery.table.js';

/** Inserts unless (connection, action key, action) is already stored; true when it was new. */
export async function insertDeliveryOnce(db: Kysely<Database>, row: WebhookDeliveryTable): Promise<boolean> {
  const inserted = await db
    .insertInto('webhook_deliveries')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Marks every delivery still queued for an application as processed, with what the import concluded. */
export async function markDeliveriesProcessed(
  db: Kysely<Database>,
  connectionId: string,
  applicationId: string,
  outcome: string,
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'processed', outcome, processed_at: now })
    .where('connection_id', '=', connectionId)
    .where('application_id', '=', applicationId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listDeliveries(
  db: Kysely<Database>,
  filter: { connectionId?: string; limit: number; before?: number },
): Promise<WebhookDeliveryRow[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.connectionId) query = query.where('connection_id', '=', filter.connectionId);
  if (filter.before !== undefined) query = query.where('received_at', '<', filter.before);
  return query.execute();
}

export function findDelivery(db: Kysely<Database>, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Another delivery of the same Ashby event for the same application (a hire fans out as candidateHire,
 * applicationUpdate and candidateStageChange with one webhookActionId), which already asked for its
 * import. Returns its action, or undefined.
 */
export async function findEventSibling(
  db: Kysely<Database>,
  d: { connectionId: string; actionKey: string; applicationId: string; excludeId: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select('action')
    .where('connection_id', '=', d.connectionId)
    .where('action_key', '=', d.actionKey)
    .where('application_id', '=', d.applicationId)
    .where('status', '!=', 'ignored')
    .where('id', '!=', d.excludeId)
    .executeTakeFirst();
  return row?.action;
}

export async function markDeliveryProcessed(
  db: Kysely<Database>,
  id: string,
  outcome: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'processed', outcome, processed_at: now })
    .where('id', '=', id)
    .execute();
}
