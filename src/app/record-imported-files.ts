import { planDocuments } from '../core/documents/plan-documents.js';
import type { BundleFiles } from '../core/mapping/source-bundle.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxData } from '../core/ports/inbox-store.js';

/**
 * Inside the import's transaction: turns the hire's Ashby files into documents under the connection's
 * document settings and queues one download job per new document. A file already recorded for this new
 * hire is skipped, so repeated deliveries and re-imports download nothing twice. Returns how many were queued.
 */
export async function recordImportedFiles(
  deps: { readonly clock: Clock; readonly ids: IdGenerator },
  data: InboxData,
  input: { newHireId: string; connectionId: string; files: BundleFiles },
): Promise<number> {
  const settings = await data.documents.settings(input.connectionId);
  const at = deps.clock.now();
  let queued = 0;
  for (const planned of planDocuments(input.files, settings)) {
    const id = deps.ids.newId();
    const inserted = await data.documents.insert({
      id,
      newHireId: input.newHireId,
      memberId: null,
      connectionId: input.connectionId,
      kind: planned.kind,
      category: planned.category,
      fileName: planned.file.name,
      ashbyFileId: planned.file.id,
      fileHandle: planned.file.handle,
      status: 'pending',
      contentType: null,
      sizeBytes: null,
      sha256: null,
      error: null,
      attempts: 0,
      createdAt: at,
      updatedAt: at,
      storedAt: null,
    });
    if (!inserted) continue;
    await data.jobs.enqueue('documents.download', { documentId: id });
    queued += 1;
  }
  return queued;
}
