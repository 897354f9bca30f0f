import { AppError } from '../core/errors/app-error.js';
import { isCalendarDate } from '../core/model/calendar-date.js';
import type { AshbyGateway } from '../core/ports/ashby-gateway.js';
import type { Clock } from '../core/ports/clock.js';
import type { ImportQueue } from '../core/ports/import-queue.js';

export interface BackfillProgress {
  readonly pages: number;
  readonly found: number;
  readonly queued: number;
}

export interface BackfillInput {
  readonly connectionId: string;
  /**
   * YYYY-MM-DD: import hires starting on or after this day. Without it, today (UTC): a backfill brings
   * the people still to arrive, not those who started long ago and are already in every system.
   */
  readonly since?: string;
  /** Import every hire whatever its start date (overrides `since`). */
  readonly includePast?: boolean;
}

/**
 * Imports hires Ashby already has: pages through Ashby's hired applications and queues each through the
 * same import job the webhooks use, so a hire already imported is updated, not doubled. By default only
 * hires whose start date is today or later (the import skips the others, with the reason, once it has
 * read the start date); hires without a start date are imported. The imports are quiet: one digest
 * announces them when they are done, instead of an alert each. Queuing page by page keeps memory flat
 * for any number of hires.
 */
export async function backfillAshby(
  deps: {
    readonly gatewayFor: (connectionId: string) => Promise<AshbyGateway | undefined>;
    readonly queue: ImportQueue;
    readonly clock: Clock;
  },
  input: BackfillInput,
  onProgress: (progress: BackfillProgress) => void | Promise<void> = () => undefined,
): Promise<BackfillProgress & { readonly startsOnOrAfter: string | null }> {
  if (input.since !== undefined && !isCalendarDate(input.since)) {
    throw new AppError(
      'validation_failed',
      `since must be a date as YYYY-MM-DD, such as 2026-01-31 (got "${input.since}")`,
    );
  }
  const gateway = await deps.gatewayFor(input.connectionId);
  if (!gateway) throw new AppError('not_found', 'Ashby connection not found');
  const startedAt = deps.clock.now();
  const startsOnOrAfter =
    input.includePast === true ? null : (input.since ?? new Date(startedAt).toISOString().slice(0, 10));
  const options = { quiet: true, ...(startsOnOrAfter === null ? {} : { startsOnOrAfter }) };
  let progress: BackfillProgress = { pages: 0, found: 0, queued: 0 };
  let cursor: string | null = null;
  do {
    const page = await gateway.listHiredApplications({ cursor, createdAfter: null });
    const queued = await deps.queue.enqueueImports(input.connectionId, page.applicationIds, options);
    progress = {
      pages: progress.pages + 1,
      found: progress.found + page.applicationIds.length,
      queued: progress.queued + queued,
    };
    await onProgress(progress);
    cursor = page.nextCursor;
  } while (cursor !== null);
  if (progress.queued > 0) await deps.queue.enqueueBackfillDigest(input.connectionId, startedAt);
  return { ...progress, startsOnOrAfter };
}
