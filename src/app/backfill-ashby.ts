import { AppError } from '../core/errors/app-error.js';
import type { AshbyGateway } from '../core/ports/ashby-gateway.js';
import type { ImportQueue } from '../core/ports/import-queue.js';

export interface BackfillProgress {
  readonly pages: number;
  readonly found: number;
  readonly queued: number;
}

/**
 * Imports past hires: pages through Ashby's hired applications (optionally created after `since`) and
 * queues each through the same import job the webhooks use, so a hire already imported is updated, not
 * doubled. Queuing page by page keeps memory flat for any number of hires.
 */
export async function backfillAshby(
  deps: {
    readonly gatewayFor: (connectionId: string) => Promise<AshbyGateway | undefined>;
    readonly queue: ImportQueue;
  },
  input: { connectionId: string; since: number | null },
  onProgress: (progress: BackfillProgress) => void = () => undefined,
): Promise<BackfillProgress> {
  const gateway = await deps.gatewayFor(input.connectionId);
  if (!gateway) throw new AppError('not_found', 'Ashby connection not found');
  let progress: BackfillProgress = { pages: 0, found: 0, queued: 0 };
  let cursor: string | null = null;
  do {
    const page = await gateway.listHiredApplications({ cursor, createdAfter: input.since });
    const queued = await deps.queue.enqueueImports(input.connectionId, page.applicationIds);
    progress = {
      pages: progress.pages + 1,
      found: progress.found + page.applicationIds.length,
      queued: progress.queued + queued,
    };
    onProgress(progress);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return progress;
}
