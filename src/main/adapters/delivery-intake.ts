import type { Kysely } from 'kysely';
import type { Clock } from '../../core/ports/clock.js';
import type { DeliveryIntake } from '../../core/ports/delivery-intake.js';
import type { IdGenerator } from '../../core/ports/id-generator.js';
import { updateConnection } from '../../db/repositories/ashby-connection.repository.js';
import { insertDeliveryOnce } from '../../db/repositories/webhook-delivery.repository.js';
import type { Database } from '../../db/tables/database.js';
import { importApplicationJob, importUniqueKey } from '../../jobs/import-application.job.js';
import { enqueue } from '../../queue/enqueue.js';

/** Store-then-ack: the delivery row and its import job commit together or not at all. */
export function deliveryIntake(db: Kysely<Database>, clock: Clock, ids: IdGenerator, onEnqueued: () => void): DeliveryIntake {
  return {
    record: async (d, importApplication) => {
      const inserted = await db.transaction().execute(async (trx) => {
        const isNew = await insertDeliveryOnce(trx, {
          id: d.id,
          connection_id: d.connectionId,
          action_key: d.actionKey,
          action: d.action,
          body_sha256: d.bodySha256,
          application_id: d.applicationId,
          status: importApplication ? 'queued' : 'ignored',
          outcome: d.ignoredBecause,
          received_at: d.receivedAt,
          processed_at: importApplication ? null : d.receivedAt,
        });
        if (!isNew) return false;
        if (importApplication && d.applicationId !== null) {
          await enqueue(trx, { clock, ids }, importApplicationJob, { connectionId: d.connectionId, applicationId: d.applicationId }, {
            uniqueKey: importUniqueKey(d.connectionId, d.applicationId),
          });
        }
        await updateConnection(trx, d.connectionId, { last_delivery_at: d.receivedAt });
        return true;
      });
      if (inserted && importApplication) onEnqueued();
      return { duplicate: !inserted };
    },
  };
}
