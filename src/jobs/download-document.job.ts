import { downloadDocument, type DownloadDeps } from '../app/download-document.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import { registerJob, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

export function downloadDocumentHandler(deps: DownloadDeps): RegisteredJob {
  return registerJob(jobCatalog['documents.download'], async (payload, context) => {
    await downloadDocument(deps, {
      ...payload,
      finalAttempt: context.attempt >= jobCatalog['documents.download'].maxAttempts,
      signal: context.signal,
    });
  });
}

export function removeDocumentFileHandler(deps: { readonly blobs: BlobStore }): RegisteredJob {
  return registerJob(jobCatalog['documents.remove-file'], async (payload) => {
    await deps.blobs.delete(payload.blobKey);
  });
}
