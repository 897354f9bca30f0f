import type { DeliveryView } from '../core/model/delivery.js';
import type { DeliveryLog } from '../core/ports/delivery-log.js';

/** The webhook delivery log, newest first (admins). */
export function listDeliveries(
  deps: { readonly deliveries: DeliveryLog },
  filter: { connectionId?: string; limit: number },
): Promise<DeliveryView[]> {
  return deps.deliveries.list(filter);
}
