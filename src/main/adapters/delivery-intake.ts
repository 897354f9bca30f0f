import type { Kysely } from 'kysely';
import type { Clock } from '../../core/ports/clock.js';
import type { DeliveryIntake, NewDelivery } from '../../core/ports/delivery-intake.js';
import type { IdGenerator } from '../../core/ports/id-generator.js';
import { touchConnectionDelivery } from '../../db/repositories/ashby-connection.repository.js';
import {
  findEventSibling,
  insertDeliveryOnce,
  markDeliveryProcessed,
} from '../../db/repositories/webhook-delivery.repository.js';
import type { Database } from '../../db/tables/database.js';
import { importApplicationJob, importUniqueKey } from '../../jobs/import-application.job.js';
import { enqueue } from '../../queue/enqueue.js';

interface Waiting {
  readonly delivery: NewDelivery;
  readonly importApplication: boolean;
  readonly resolve: (result: { duplicate: boolean }) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Store-then-ack: the delivery row and its import job commit together or not at all.
 *
 * With `groupCommit` (SQLite), deliveries that arrive while a transaction is being written are stored
 * together in the next one, so N concurrent deliveries cost one commit instead of N. A SQLite commit is
 * an fsync (synchronous=FULL) that better-sqlite3 waits for on the event loop, so one transaction per
 * delivery capped intake at one delivery per fsync (bench/: several times the deliveries per second with
 * batching). Each delivery is still answered only after the commit that holds it, and a batch that
 * fails is retried one delivery per transaction, so one bad delivery cannot fail its neighbours.
 * PostgreSQL needs none of this (its pool runs transactions in parallel and it commits them together),
 * and one connection doing every statement in turn would cost a round trip each.
 */
export function deliveryIntake(
  db: Kysely<Database>,
  clock: Clock,
  ids: IdGenerator,
  onEnqueued: () => void,
  options: { readonly groupCommit: boolean },
): DeliveryIntake {
  const store = async (
    trx: Kysely<Database>,
    d: NewDelivery,
    importApplication: boolean,
  ): Promise<boolean> => {
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
    const sibling =
      importApplication && d.applicationId !== null
        ? await findEventSibling(trx, {
            connectionId: d.connectionId,
            actionKey: d.actionKey,
            applicationId: d.applicationId,
            excludeId: d.id,
          })
        : undefined;
    if (sibling !== undefined) {
      // One event, one import: the fan-out's first delivery already asked for it, and every import reads
      // the current Ashby state, so a second would cost its API calls and change nothing.
      await markDeliveryProcessed(
        trx,
        d.id,
        `same Ashby event as the ${sibling} delivery; imported once`,
        d.receivedAt,
      );
    } else if (importApplication && d.applicationId !== null) {
      await enqueue(
        trx,
        { clock, ids },
        importApplicationJob,
        { connectionId: d.connectionId, applicationId: d.applicationId },
        {
          uniqueKey: importUniqueKey(d.connectionId, d.applicationId),
        },
      );
    }
    await touchConnectionDelivery(trx, d.connectionId, d.receivedAt);
    return true;
  };

  const recordAlone = async (w: Waiting): Promise<void> => {
    const inserted = await db.transaction().execute((trx) => store(trx, w.delivery, w.importApplication));
    if (inserted && w.importApplication) onEnqueued();
    w.resolve({ duplicate: !inserted });
  };

  if (!options.groupCommit) {
    return {
      record: (delivery, importApplication) =>
        new Promise((resolve, reject) => {
          recordAlone({ delivery, importApplication, resolve, reject }).catch(reject);
        }),
    };
  }

  let waiting: Waiting[] = [];
  let flushing = false;
  const flush = async (): Promise<void> => {
    try {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        let inserted: boolean[];
        try {
          inserted = await db.transaction().execute(async (trx) => {
            const out: boolean[] = [];
            for (const w of batch) out.push(await store(trx, w.delivery, w.importApplication));
            return out;
          });
        } catch {
          // Rolled back whole: each delivery again on its own, answering each with its own outcome.
          for (const w of batch) await recordAlone(w).catch(w.reject);
          continue;
        }
        if (batch.some((w, i) => inserted[i] === true && w.importApplication)) onEnqueued();
        batch.forEach((w, i) => w.resolve({ duplicate: inserted[i] !== true }));
      }
    } finally {
      // Reset in the same synchronous step as the empty check, so no record() can slip in between.
      flushing = false;
    }
  };

  return {
    record: (delivery, importApplication) =>
      new Promise((resolve, reject) => {
        waiting.push({ delivery, importApplication, resolve, reject });
        if (flushing) return;
        flushing = true;
        // After the current I/O phase: deliveries read from sockets in the same turn join this batch.
        setImmediate(() => void flush());
      }),
  };
}
