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
  if (!importApplication || d.applicationId === null) {
    if (!(await data.insertDelivery(d, 'ignored', d.ignoredBecause))) return false;
  } else if (!(await recordImportRequest(data, d, d.applicationId))) {
    return false;
  }
  await data.touchConnection(d.connectionId, d.receivedAt);
  return true;
}

async function recordImportRequest(
  data: IntakeData,
  d: NewDelivery,
  applicationId: string,
): Promise<boolean> {
  // Twice at most: the database lets one delivery per event wait for its import, so an insert refused
  // although this delivery is not stored means a sibling committed after the first look (PostgreSQL,
  // whose statements each see what is committed when they start); the second look finds it.
  for (let look = 0; look < 2; look += 1) {
    const sibling = await data.findEventSibling({
      connectionId: d.connectionId,
      actionKey: d.actionKey,
      applicationId,
      excludeId: d.id,
    });
    const stored =
      sibling === undefined
        ? await data.insertDelivery(d, 'queued', d.ignoredBecause)
        : await data.insertDelivery(
            d,
            'processed',
            `same Ashby event as the ${sibling} delivery; imported once`,
          );
    if (stored) {
      if (sibling === undefined) {
        await data.jobs.enqueue('ashby.application.import', { connectionId: d.connectionId, applicationId });
      }
      return true;
    }
    if (sibling !== undefined || (await data.isStored(d))) return false;
  }
  throw new Error('could not store an Ashby delivery: its event kept changing under the intake');
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
  const isNew = await data.insertDelivery(d, 'processed', d.ignoredBecause);
  if (!isNew) return false;
  await data.jobs.enqueue('ashby.candidate.event', event);
  await data.touchConnection(d.connectionId, d.receivedAt);
  return true;
}
