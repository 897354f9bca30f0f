import { z } from 'zod';
import type { JobKind, JobPayloads } from '../core/ports/job-queue.js';
import type { JobDefinition } from '../queue/job-definition.js';

/**
 * The job catalog: every kind of job as data (payload schema, unique key, retry budget, backoff,
 * priority). The queue (queue/job-queue.ts) enqueues only what is listed here; the handlers in this
 * folder run them.
 */
export const jobCatalog = {
  /**
   * Imports one Ashby application: re-reads it and everything a new hire needs, maps it, and creates or
   * updates its new hire. Unique per (connection, application), so a burst of deliveries about one hire
   * runs one import (and one more if a delivery arrives while it runs).
   */
  'ashby.application.import': {
    kind: 'ashby.application.import',
    payload: z.object({
      connectionId: z.string().min(1),
      applicationId: z.string().min(1),
      /** Backfill: no alert of its own (the backfill's digest announces it). */
      quiet: z.boolean().optional(),
      /** Backfill: skip a hire whose start date is before this day (YYYY-MM-DD). */
      startsOnOrAfter: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
    uniqueKey: (p) => `import:${p.connectionId}:${p.applicationId}`,
    // One waiting import does what every request folded into it asked: a webhook's (no options) makes it
    // a live import, so a hire that happens while a backfill's import of it waits is announced and not
    // skipped for its start date; between two backfills the earlier cutoff wins. The PostgreSQL intake
    // writes a webhook's payload over a waiting one in SQL (db/stores/delivery-intake-postgres.ts).
    mergeWaiting: (waiting, incoming) => {
      const cutoffs = [waiting.startsOnOrAfter, incoming.startsOnOrAfter];
      const both = cutoffs.every((c) => c !== undefined) ? cutoffs.sort()[0] : undefined;
      return {
        connectionId: incoming.connectionId,
        applicationId: incoming.applicationId,
        ...(waiting.quiet === true && incoming.quiet === true ? { quiet: true } : {}),
        ...(both === undefined ? {} : { startsOnOrAfter: both }),
      };
    },
    // Ashby outages are retried inside the HTTP client first; these attempts cover longer ones,
    // spread by backoff over roughly a day before the job waits in dead for a hand retry.
    maxAttempts: 12,
    backoff: { baseMs: 10_000, capMs: 2 * 60 * 60_000 },
  },
  /**
   * The periodic reconciliation of one Ashby connection (app/reconcile-ashby.ts). Each run queues the
   * next one RECONCILE_INTERVAL_SECONDS later under the same unique key; server start and connect also
   * queue one, so a connection always has exactly one run waiting.
   */
  'ashby.reconcile': {
    kind: 'ashby.reconcile',
    payload: z.object({ connectionId: z.string().min(1) }),
    uniqueKey: (p) => `reconcile:${p.connectionId}`,
    // The next run is already queued when this one fails, so a few tries suffice.
    maxAttempts: 4,
    backoff: { baseMs: 30_000, capMs: 10 * 60_000 },
    // Behind imports that are due: those are hires arriving now.
    priority: 10,
  },
  /**
   * Downloads one document of a new hire from Ashby into the blob store. Unique per document, so an
   * import that runs twice queues it once. Each attempt asks Ashby for a fresh link; outages are spread
   * over about a day by the backoff before the job waits in dead for a hand retry.
   */
  'documents.download': {
    kind: 'documents.download',
    payload: z.object({ documentId: z.string().min(1) }),
    uniqueKey: (p) => `document-download:${p.documentId}`,
    maxAttempts: 10,
    backoff: { baseMs: 15_000, capMs: 2 * 60 * 60_000 },
    // Behind imports: the new hire matters more than its files.
    priority: 5,
  },
  /** Removes a stored document file after its new hire was deleted; retried until the store confirms. */
  'documents.remove-file': {
    kind: 'documents.remove-file',
    payload: z.object({ blobKey: z.string().min(1) }),
    uniqueKey: (p) => `document-remove:${p.blobKey}`,
    maxAttempts: 20,
    backoff: { baseMs: 10_000, capMs: 60 * 60_000 },
  },
  /** Sends one new-hire email or Slack message. Unique per send; retried over a few hours, then dead. */
  /**
   * The one email and Slack message of a backfill (app/send-backfill-digest.ts): snoozes while the
   * backfill's imports run, then announces the hires it brought, instead of an alert each.
   */
  'notifications.backfill-digest': {
    kind: 'notifications.backfill-digest',
    payload: z.object({ connectionId: z.string().min(1), since: z.number().int().nonnegative() }),
    uniqueKey: (p) => `backfill-digest:${p.connectionId}`,
    maxAttempts: 8,
    backoff: { baseMs: 30_000, capMs: 60 * 60_000 },
  },
  'notifications.send': {
    kind: 'notifications.send',
    payload: z.object({ sendId: z.string().min(1) }),
    uniqueKey: (p) => `notification-send:${p.sendId}`,
    maxAttempts: 8,
    backoff: { baseMs: 30_000, capMs: 60 * 60_000 },
  },
  /**
   * One opening sync run of one Ashby connection (app/sync-openings.ts). Timed runs and Sync now share
   * one unique key per connection, so runs never overlap (the queue does not claim a job while another
   * with its key runs) and at most one waits. Each run queues the next OPENING_SYNC_INTERVAL_SECONDS
   * later. The job id is the run id.
   */
  'openings.sync': {
    kind: 'openings.sync',
    payload: z.object({ connectionId: z.string().min(1) }),
    uniqueKey: (p) => `openings-sync:${p.connectionId}`,
    // The next run is already queued when this one fails, so a few tries suffice.
    maxAttempts: 4,
    backoff: { baseMs: 30_000, capMs: 10 * 60_000 },
    priority: 10,
  },
  /**
   * Delivers one member to one destination (create or update, app/push-member.ts). Unique per (member,
   * destination) while it waits, so duplicate requests collapse into one delivery. 5xx and network errors
   * are retried with backoff and jitter over about a day (the Standard Webhooks schedule, shortened), then
   * the push shows as failed; 429s snooze without spending an attempt.
   */
  'destinations.push': {
    kind: 'destinations.push',
    payload: z.object({ memberId: z.string().min(1), destinationId: z.string().min(1) }),
    uniqueKey: (p) => `push:${p.memberId}:${p.destinationId}`,
    maxAttempts: 12,
    backoff: { baseMs: 5_000, capMs: 4 * 60 * 60_000 },
  },
  /**
   * Ashby deleted or merged a candidate (app/handle-candidate-event.ts): purge its new hires in review,
   * ask an admin about its members, or re-link a merged id. Unique per event.
   */
  'ashby.candidate.event': {
    kind: 'ashby.candidate.event',
    payload: z.object({
      connectionId: z.string().min(1),
      action: z.enum(['candidateDelete', 'candidateMerge']),
      candidateId: z.string().min(1),
      formerCandidateId: z.string().min(1).optional(),
    }),
    uniqueKey: (p) => `candidate:${p.connectionId}:${p.action}:${p.candidateId}:${p.formerCandidateId ?? ''}`,
    maxAttempts: 8,
    backoff: { baseMs: 5_000, capMs: 30 * 60_000 },
  },
  /**
   * Tells one destination that an erased member is gone (app/forget-member.ts): `member.deleted` on the
   * webhook. Retried like a push; the member's data is already gone, so the event carries ids only.
   */
  'destinations.forget': {
    kind: 'destinations.forget',
    payload: z.object({
      memberId: z.string().min(1),
      destinationId: z.string().min(1),
      remoteId: z.string().min(1),
    }),
    uniqueKey: (p) => `forget:${p.memberId}:${p.destinationId}`,
    maxAttempts: 12,
    backoff: { baseMs: 5_000, capMs: 4 * 60 * 60_000 },
  },
} satisfies { readonly [K in JobKind]: JobDefinition<JobPayloads[K]> & { readonly kind: K } };
