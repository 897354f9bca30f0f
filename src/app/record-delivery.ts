import type { IntakeData, NewDelivery } from '../core/ports/delivery-intake.js';
import type { JobPayloads } from '../core/ports/job-queue.js';

/**
 * Store-then-ack: stores one delivery and, when it names an application to import, queues that import
 * in the same transaction. One Ashby event, one import: when another delivery of the same event (the
 * fan-out of one action to several webhooks) already asked for it, this one is settled at once, since
 * every import reads the current Ashby state and a second would cost its API calls and change nothing.
 * Returns false for a delivery already stored.
 */
export async function recordDelivery(
  data: IntakeData,
  d: NewDelivery,
  importApplication: boolean,
): Promise<boolean> {
  const isNew = await data.insertDelivery(d, importApplication ? 'queued' : 'ignored');
  if (!isNew) return false;
  if (importApplication && d.applicationId !== null) {
    const sibling = await data.findEventSibling({
      connectionId: d.connectionId,
      actionKey: d.actionKey,
      applicationId: d.applicationId,
      excludeId: d.id,
    });
    if (sibling !== undefined) {
      await data.markDeliveryProcessed(
        d.id,
        `same Ashby event as the ${sibling} delivery; imported once`,
        d.receivedAt,
      );
    } else {
      await data.jobs.enqueue('ashby.application.import', {
        connectionId: d.connectionId,
        applicationId: d.applicationId,
      });
    }
  }
  await data.touchConnection(d.connectionId, d.receivedAt);
  return true;
}

/**
 * Store-then-ack for Ashby's candidateDelete and candidateMerge: the delivery (settled at once; its job
 * does the work) and the `ashby.candidate.event` job, in one transaction. False for a delivery already
 * stored.
 */
export async function recordCandidateDelivery(
  data: IntakeData,
  d: NewDelivery,
  event: JobPayloads['ashby.candidate.event'],
): Promise<boolean> {
  const isNew = await data.insertDelivery(d, 'processed');
  if (!isNew) return false;
  await data.jobs.enqueue('ashby.candidate.event', event);
  await data.touchConnection(d.connectionId, d.receivedAt);
  return true;
}
