import { z } from 'zod';
import { downloadDocument, type DownloadDeps } from '../app/download-document.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import { registerJob, type JobDefinition, type RegisteredJob } from '../queue/job-definition.js';

/**
 * Downloads one document of a new hire from Ashby into the blob store. Unique per document, so an
 * import that runs twice queues it once. Each attempt asks Ashby for a fresh link; outages are spread
 * over about a day by the backoff before the job waits in dead for a hand retry.
 */
export const downloadDocumentJob: JobDefinition<{ documentId: string }> = {
  kind: 'documents.download',
  payload: z.object({ documentId: z.string().min(1) }),
  maxAttempts: 10,
  backoff: { baseMs: 15_000, capMs: 2 * 60 * 60_000 },
  // Behind imports: the new hire matters more than its files.
  priority: 5,
};

export const downloadUniqueKey = (documentId: string) => `document-download:${documentId}`;

export function downloadDocumentHandler(deps: DownloadDeps): RegisteredJob {
  return registerJob(downloadDocumentJob, async (payload, context) => {
    await downloadDocument(deps, {
      ...payload,
      finalAttempt: context.attempt >= downloadDocumentJob.maxAttempts,
      signal: context.signal,
    });
  });
}

/** Removes a stored document file after its new hire was deleted; retried until the store confirms. */
export const removeDocumentFileJob: JobDefinition<{ blobKey: string }> = {
  kind: 'documents.remove-file',
  payload: z.object({ blobKey: z.string().min(1) }),
  maxAttempts: 20,
  backoff: { baseMs: 10_000, capMs: 60 * 60_000 },
};

export const removeFileUniqueKey = (blobKey: string) => `document-remove:${blobKey}`;

export function removeDocumentFileHandler(deps: { readonly blobs: BlobStore }): RegisteredJob {
  return registerJob(removeDocumentFileJob, async (payload) => {
    await deps.blobs.delete(payload.blobKey);
  });
}
