import type { Kysely } from 'kysely';
import { preparedQuery } from '../prepared-query.js';
import type { DeliveryFilter } from '../../core/ports/delivery-log.js';
import type { Database } from '../tables/database.js';
import type { WebhookDeliveryRow, WebhookDeliveryTable } from '../tables/webhook-delivery.table.js';

const DELIVERY_COLUMNS = [
  'id',
  'connection_id',
  'action_key',
  'action',
  'body_sha256',
  'application_id',
  'status',
  'outcome',
  'received_at',
  'processed_at',
] as const;

// The intake's statements are compiled once (see prepared-query.ts): they run for every webhook.
const insertDelivery = preparedQuery(DELIVERY_COLUMNS, (db, p) =>
  db
    .insertInto('webhook_deliveries')
    .values(p)
    .onConflict((oc) => oc.doNothing())
    .returning('id'),
);

/** Inserts unless (connection, action key, action) is already stored; true when it was new. */
export async function insertDeliveryOnce(db: Kysely<Database>, row: WebhookDeliveryTable): Promise<boolean> {
  const { rows } = await insertDelivery(db, row);
  return rows.length > 0;
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

/** A page of the delivery log, newest first, with the Delivery log page's filters. */
export function listDeliveries(db: Kysely<Database>, filter: DeliveryFilter): Promise<WebhookDeliveryRow[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  const { connectionId, action, status, from, to, after } = filter;
  if (connectionId !== undefined) query = query.where('connection_id', '=', connectionId);
  if (action !== undefined) query = query.where('action', '=', action);
  if (status !== undefined) query = query.where('status', '=', status);
  if (from !== undefined) query = query.where('received_at', '>=', from);
  if (to !== undefined) query = query.where('received_at', '<', to);
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('received_at', '<', after.at),
        eb.and([eb('received_at', '=', after.at), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query.execute();
}

/**
 * The new hires of a page's applications, in one query. Both columns are filtered so the unique index
 * on (connection_id, application_id) serves it; the caller matches the exact pairs.
 */
export function findHiresOfApplications(
  db: Kysely<Database>,
  applications: readonly { readonly connectionId: string; readonly applicationId: string }[],
): Promise<{ id: string; connection_id: string; application_id: string; fields: string }[]> {
  if (applications.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('new_hires')
    .select(['id', 'connection_id', 'application_id', 'fields'])
    .where('connection_id', 'in', [...new Set(applications.map((a) => a.connectionId))])
    .where('application_id', 'in', [...new Set(applications.map((a) => a.applicationId))])
    .execute();
}

export function findDelivery(db: Kysely<Database>, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

const selectEventSibling = preparedQuery(
  ['connectionId', 'actionKey', 'applicationId', 'excludeId'],
  (db, p) =>
    db
      .selectFrom('webhook_deliveries')
      .select('action')
      .where('connection_id', '=', p.connectionId)
      .where('action_key', '=', p.actionKey)
      .where('application_id', '=', p.applicationId)
      .where('status', '!=', 'ignored')
      .where('id', '!=', p.excludeId)
      .limit(1),
);

/**
 * Another delivery of the same Ashby event for the same application (a hire fans out as candidateHire,
 * applicationUpdate and candidateStageChange with one webhookActionId), which already asked for its
 * import. Returns its action, or undefined.
 */
export async function findEventSibling(
  db: Kysely<Database>,
  d: { connectionId: string; actionKey: string; applicationId: string; excludeId: string },
): Promise<string | undefined> {
  const { rows } = await selectEventSibling(db, d);
  return rows[0]?.action;
}

const selectStored = preparedQuery(['connectionId', 'actionKey', 'action'], (db, p) =>
  db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('connection_id', '=', p.connectionId)
    .where('action_key', '=', p.actionKey)
    .where('action', '=', p.action)
    .limit(1),
);

/** Whether (connection, action key, action) is stored: tells a repeat from a sibling's conflict. */
export async function isDeliveryStored(
  db: Kysely<Database>,
  d: { connectionId: string; actionKey: string; action: string },
): Promise<boolean> {
  const { rows } = await selectStored(db, d);
  return rows.length > 0;
}
