import type { Kysely } from 'kysely';
import type { DeliveryView } from '../../core/model/delivery.js';
import { findDelivery, listDeliveries } from '../../db/repositories/webhook-delivery.repository.js';
import type { Database } from '../../db/tables/database.js';
import type { WebhookDeliveryRow } from '../../db/tables/webhook-delivery.table.js';

const toView = (r: WebhookDeliveryRow): DeliveryView => ({
  id: r.id,
  connectionId: r.connection_id,
  actionKey: r.action_key,
  action: r.action,
  applicationId: r.application_id,
  status: r.status,
  outcome: r.outcome,
  receivedAt: r.received_at,
  processedAt: r.processed_at,
});

export async function deliveryLog(
  db: Kysely<Database>,
  filter: { connectionId?: string; limit: number },
): Promise<DeliveryView[]> {
  return (await listDeliveries(db, filter)).map(toView);
}

export async function deliveryById(db: Kysely<Database>, id: string): Promise<DeliveryView | undefined> {
  const row = await findDelivery(db, id);
  return row && toView(row);
}
