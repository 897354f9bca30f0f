import type { Kysely } from 'kysely';
import type { DeliveryView } from '../../core/model/delivery.js';
import { listDeliveries } from '../../db/repositories/webhook-delivery.repository.js';
import type { Database } from '../../db/tables/database.js';

export async function deliveryLog(
  db: Kysely<Database>,
  filter: { connectionId?: string; limit: number },
): Promise<DeliveryView[]> {
  const rows = await listDeliveries(db, filter);
  return rows.map((r) => ({
    id: r.id,
    connectionId: r.connection_id,
    actionKey: r.action_key,
    action: r.action,
    applicationId: r.application_id,
    status: r.status,
    outcome: r.outcome,
    receivedAt: r.received_at,
    processedAt: r.processed_at,
  }));
}
