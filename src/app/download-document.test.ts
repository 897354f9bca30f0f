import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors/app-error.js';
import type { AshbyConnection } from '../core/model/ashby-connection.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import type { DocumentStore, StoredDocumentRecord } from '../core/ports/document-store.js';
import type { FetchedFile } from '../core/ports/file-fetcher.js';
import { downloadDocument, type DownloadDeps } from './download-document.js';

const DOC = {
  id: 'd1',
  connectionId: 'c1',
  fileHandle: 'handle',
  status: 'pending',
  attempts: 0,
} as StoredDocumentRecord;
const FILE: FetchedFile = {
  bytes: new Uint8Array([37, 80, 68, 70]),
  contentType: 'application/pdf',
  size: 4,
  sha256: 'abc',
};

function setup(options: { fetch?: () => Promise<FetchedFile>; stored?: boolean; apiUrl?: string } = {}) {
  let doc: StoredDocumentRecord | undefined = { ...DOC };
  const blobs = new Map<string, Uint8Array>();
  const fetched: { url: string; sourceApiUrl: string }[] = [];
  const deps: DownloadDeps = {
    documents: {
      find: async () => doc,
      recordFailure: async (_id, f) => {
        if (doc)
          doc = {
            ...doc,
            error: f.error,
            status: f.final ? 'failed' : doc.status,
            attempts: doc.attempts + 1,
          };
      },
      markStored: async (_id, s) => {
        if (!doc || options.stored === false) return false;
        doc = {
          ...doc,
          status: 'stored',
          sha256: s.sha256,
          sizeBytes: s.sizeBytes,
          contentType: s.contentType,
        };
        return true;
      },
    } as Partial<DocumentStore> as DocumentStore,
    blobs: {
      put: async (key, bytes) => void blobs.set(key, bytes),
      delete: async (key) => void blobs.delete(key),
      open: async () => undefined,
    } satisfies BlobStore,
    files: {
      fetch: async (url, context) => {
        fetched.push({ url, sourceApiUrl: context.sourceApiUrl });
        return options.fetch ? options.fetch() : FILE;
      },
    },
    fileUrlFor: async () => 'https://files.example.com/x?sig=1',
    connections: {
      find: async () =>
        ({ id: 'c1', apiUrl: options.apiUrl ?? 'https://api.ashbyhq.com' }) as AshbyConnection,
    },
    clock: { now: () => 5 },
  };
  return { deps, blobs, fetched, current: () => doc };
}

describe('downloadDocument', () => {
  it("stores the file under the document's key and records type, size and hash", async () => {
    const { deps, blobs, fetched, current } = setup();
    expect(await downloadDocument(deps, { documentId: 'd1', finalAttempt: false })).toBe('stored');
    expect([...blobs.keys()]).toEqual(['documents/d1']);
    expect(current()).toMatchObject({
      status: 'stored',
      contentType: 'application/pdf',
      sizeBytes: 4,
      sha256: 'abc',
    });
    // The connection's API URL goes along: it decides whether loopback links are allowed.
    expect(fetched).toEqual([
      { url: 'https://files.example.com/x?sig=1', sourceApiUrl: 'https://api.ashbyhq.com' },
    ]);
    expect(await downloadDocument(deps, { documentId: 'd1', finalAttempt: false })).toBe('skipped');
    expect(fetched).toHaveLength(1);
  });

  it('records a refusal on the document and ends the job (retrying cannot change it)', async () => {
    const { deps, blobs, current } = setup({
      fetch: () =>
        Promise.reject(new AppError('upstream_permanent', 'the file is larger than the 25 MiB limit')),
    });
    expect(await downloadDocument(deps, { documentId: 'd1', finalAttempt: false })).toBe('refused');
    expect(current()).toMatchObject({ status: 'failed', error: 'the file is larger than the 25 MiB limit' });
    expect(blobs.size).toBe(0);
  });

  it('keeps a retryable failure pending and rethrows it; the last attempt marks the document failed', async () => {
    const timeout = new AppError('upstream_retryable', 'file download: timed out after 60000 ms');
    const { deps, current } = setup({ fetch: () => Promise.reject(timeout) });
    await expect(downloadDocument(deps, { documentId: 'd1', finalAttempt: false })).rejects.toBe(timeout);
    expect(current()).toMatchObject({
      status: 'pending',
      error: 'file download: timed out after 60000 ms',
      attempts: 1,
    });
    await expect(downloadDocument(deps, { documentId: 'd1', finalAttempt: true })).rejects.toBe(timeout);
    expect(current()?.status).toBe('failed');
  });

  it('removes the stored file when the document was deleted while it downloaded', async () => {
    const { deps, blobs } = setup({ stored: false });
    expect(await downloadDocument(deps, { documentId: 'd1', finalAttempt: false })).toBe('skipped');
    expect(blobs.size).toBe(0);
  });
});
