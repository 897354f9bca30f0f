import { documentBlobKey } from '../core/model/document.js';
import { isAppError } from '../core/errors/app-error.js';
import type { AshbyConnectionStore } from '../core/ports/ashby-connection-store.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { DocumentStore } from '../core/ports/document-store.js';
import type { FileFetcher } from '../core/ports/file-fetcher.js';

export interface DownloadDeps {
  readonly documents: DocumentStore;
  readonly blobs: BlobStore;
  readonly files: FileFetcher;
  /** Ashby's `file.info` for the connection: a short-lived URL, or undefined when the connection is gone. */
  readonly fileUrlFor: (connectionId: string, fileHandle: string) => Promise<string | undefined>;
  readonly connections: Pick<AshbyConnectionStore, 'find'>;
  readonly clock: Clock;
}

export type DownloadOutcome = 'stored' | 'refused' | 'skipped';

/**
 * The download job of one document: a fresh link from Ashby's `file.info` (links are short-lived, so each
 * attempt asks again), the download under the SSRF rules and the 25 MiB cap, then the blob store, then the
 * row. A refusal (too large, an address not allowed, a 404) is final: recorded on the document, and the
 * job ends, since retrying cannot change it; the new hire is unaffected. Retryable failures are recorded
 * and thrown for the queue to retry; the last one marks the document failed.
 */
export async function downloadDocument(
  deps: DownloadDeps,
  input: { documentId: string; finalAttempt: boolean; signal?: AbortSignal },
): Promise<DownloadOutcome> {
  const doc = await deps.documents.find(input.documentId);
  // Gone (its new hire was deleted) or already stored by an earlier run: nothing to do.
  if (!doc || doc.status === 'stored') return 'skipped';
  const fail = (error: string, final: boolean) =>
    deps.documents.recordFailure(doc.id, { error, final, at: deps.clock.now() });
  const connection = await deps.connections.find(doc.connectionId);
  const gone = async () => {
    await fail('the Ashby connection no longer exists', true);
    return 'refused' as const;
  };
  if (!connection) return gone();
  try {
    const url = await deps.fileUrlFor(doc.connectionId, doc.fileHandle);
    if (url === undefined) return await gone();
    const file = await deps.files.fetch(url, {
      sourceApiUrl: connection.apiUrl,
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const blobKey = documentBlobKey(doc.id);
    await deps.blobs.put(blobKey, file.bytes, file.contentType);
    const kept = await deps.documents.markStored(doc.id, {
      blobKey,
      contentType: file.contentType,
      sizeBytes: file.size,
      sha256: file.sha256,
      at: deps.clock.now(),
    });
    if (kept) return 'stored';
    // Deleted while downloading: the delete could not see this file, so remove it here.
    await deps.blobs.delete(blobKey);
    return 'skipped';
  } catch (err) {
    const permanent = isAppError(err) && !err.retryable;
    await fail(errorText(err), permanent || input.finalAttempt);
    if (permanent) return 'refused';
    throw err;
  }
}

/** Our messages carry no personal data or URLs; anything else is named by its class only. */
function errorText(err: unknown): string {
  if (isAppError(err)) return err.message;
  return `unexpected failure (${err instanceof Error ? err.name : 'unknown'})`;
}
