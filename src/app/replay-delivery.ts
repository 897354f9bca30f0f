import { AppError } from '../core/errors/app-error.js';
import type { DeliveryView } from '../core/model/delivery.js';
import type { ImportQueue } from '../core/ports/import-queue.js';

export interface ReplayDeps {
  readonly findDelivery: (id: string) => Promise<DeliveryView | undefined>;
  readonly queue: Pick<ImportQueue, 'enqueueImports'>;
}

export interface ReplayResult {
  readonly delivery: DeliveryView;
  /** False when an import of the same application was already waiting (it will see today's Ashby data). */
  readonly queued: boolean;
}

/**
 * Replays a received webhook from the delivery log. HireBridge keeps no webhook bodies (a webhook is a
 * trigger, the truth is in Ashby), so a replay queues the same import the delivery asked for: the
 * application is read from Ashby again and saved under the usual rules (reviewer edits win, a deleted
 * new hire stays deleted). Deliveries that name no application have nothing to replay.
 */
export async function replayDelivery(deps: ReplayDeps, deliveryId: string): Promise<ReplayResult> {
  const delivery = await deps.findDelivery(deliveryId);
  if (!delivery) throw new AppError('not_found', 'No delivery has this id');
  if (!delivery.applicationId) {
    throw new AppError(
      'conflict',
      `This ${delivery.action} delivery names no application, so there is nothing to import again`,
    );
  }
  const queued = await deps.queue.enqueueImports(delivery.connectionId, [delivery.applicationId]);
  return { delivery, queued: queued > 0 };
}
