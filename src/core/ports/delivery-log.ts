import type { DeliveryView } from '../model/delivery.js';

/** The webhook delivery log as admins read it. */
export interface DeliveryLog {
  list(filter: { connectionId?: string; limit: number }): Promise<DeliveryView[]>;
  find(id: string): Promise<DeliveryView | undefined>;
}
