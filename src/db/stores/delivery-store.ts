import type { Kysely } from 'kysely';
import type { DeliveryView } from '../../core/model/delivery.js';
import { displayNameOf } from '../../core/names/display-name.js';
import type { IntakeData } from '../../core/ports/delivery-intake.js';
import type { DeliveryLog } from '../../core/ports/delivery-log.js';
import type { JobQueue } from '../../core/ports/job-queue.js';
import { touchConnectionDelivery } from '../repositories/ashby-connection.repository.js';
import {
  findDelivery,
  findEventSibling,
  findHiresOfApplications,
  insertDeliveryOnce,
  isDeliveryStored,
  listDeliveries,
} from '../repositories/webhook-delivery.repository.js';
import type { Database } from '../tables/database.js';
import type { WebhookDeliveryRow } from '../tables/webhook-delivery.table.js';

/** A new hire's name from its fields JSON (`{key: {value}}`). */
function newHireName(fieldsJson: string): string | null {
  const fields = JSON.parse(fieldsJson) as Record<string, { value?: unknown } | undefined>;
  return displayNameOf((key) => fields[key]?.value);
}

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

/** The webhook delivery log, as the HTTP API and replay read it. */
export function deliveryLog(db: Kysely<Database>): DeliveryLog {
  return {
    list: async (filter) => (await listDeliveries(db, filter)).map(toView),
    find: async (id) => {
      const row = await findDelivery(db, id);
      return row && toView(row);
    },
    hiresOf: async (applications) => {
      const rows = await findHiresOfApplications(db, applications);
      const wanted = new Set(applications.map((a) => `${a.connectionId}\n${a.applicationId}`));
      return rows
        .filter((r) => wanted.has(`${r.connection_id}\n${r.application_id}`))
        .map((r) => ({
          connectionId: r.connection_id,
          applicationId: r.application_id,
          newHireId: r.id,
          name: newHireName(r.fields),
        }));
    },
  };
}

/** Whether a connection's last_delivery_at is due for a write (see deliveryTouches). */
export interface DeliveryTouches {
  due(connectionId: string, at: number): boolean;
}

/**
 * When this process last wrote each connection's last_delivery_at. The column has minute resolution
 * (repositories/ashby-connection.repository.ts), so while this process wrote it under a minute ago the
 * UPDATE is not even sent: on every delivery it cost a statement (SQLite) or a round trip (PostgreSQL)
 * that changed nothing. Noted when due, not after the commit: a rolled-back write only delays the next
 * one by up to a minute, on a column that is for display.
 */
export function deliveryTouches(): DeliveryTouches {
  const written = new Map<string, number>();
  return {
    due: (connectionId, at) => {
      const last = written.get(connectionId);
      if (last !== undefined && at - last < 60_000 && at >= last) return false;
      written.set(connectionId, at);
      return true;
    },
  };
}

/** The intake's writes over one handle (a transaction), with the job queue bound to the same handle. */
export function intakeData(db: Kysely<Database>, jobs: JobQueue, touches: DeliveryTouches): IntakeData {
  return {
    insertDelivery: (d, status, outcome) =>
      insertDeliveryOnce(db, {
        id: d.id,
        connection_id: d.connectionId,
        action_key: d.actionKey,
        action: d.action,
        body_sha256: d.bodySha256,
        application_id: d.applicationId,
        status,
        outcome,
        received_at: d.receivedAt,
        processed_at: status === 'queued' ? null : d.receivedAt,
      }),
    findEventSibling: (query) => findEventSibling(db, query),
    isStored: (d) => isDeliveryStored(db, d),
    touchConnection: async (connectionId, at) => {
      if (touches.due(connectionId, at)) await touchConnectionDelivery(db, connectionId, at);
    },
    jobs,
  };
}
