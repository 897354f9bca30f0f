import type { BundleFiles } from '../core/mapping/source-bundle.js';
import type { InboxData } from '../core/ports/inbox-store.js';
import type { InboxDeps } from './inbox-deps.js';
import { queueNewHireNotifications } from './queue-new-hire-notifications.js';
import { recordImportedFiles } from './record-imported-files.js';

/**
 * What follows a saved import, in the same transaction: while the new hire is in review, its Ashby files
 * become documents (new ones only); on creation, its notifications are queued. Nothing for a new hire
 * already added or deleted.
 */
export async function followUpImport(
  deps: Pick<InboxDeps, 'clock' | 'ids'>,
  data: InboxData,
  saved: {
    created: boolean;
    newHireId: string | null;
    connectionId: string;
    files: BundleFiles | null;
    /** Backfilled: the backfill's digest announces it instead of an alert of its own. */
    quiet?: boolean;
  },
): Promise<void> {
  if (saved.newHireId === null) return;
  const hire = await data.findNewHire(saved.newHireId);
  if (hire?.status !== 'in_review') return;
  const target = { newHireId: hire.id, connectionId: saved.connectionId };
  if (saved.files) await recordImportedFiles(deps, data, { ...target, files: saved.files });
  if (saved.created) await queueNewHireNotifications(deps, data, { ...target, quiet: saved.quiet === true });
}
