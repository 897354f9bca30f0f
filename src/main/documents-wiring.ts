import { addDocumentCategoryAudited, saveDocumentSettingsAudited } from '../app/admin-actions.js';
import { actorOf } from '../app/actor.js';
import { getDocumentSettings, listDocumentCategories } from '../app/document-settings.js';
import type { DownloadDeps } from '../app/download-document.js';
import { listDocuments, openDocument } from '../app/list-documents.js';
import { connectorContext } from '../connectors/context.js';
import { fileFetcher } from '../connectors/kit/file-fetcher.js';
import { createHttpClient } from '../connectors/kit/http-client.js';
import { sleep } from '../connectors/kit/sleep.js';
import { connectorRegistry } from '../connectors/registry.js';
import { MAX_DOCUMENT_BYTES } from '../core/model/document.js';
import type { AshbyConnectionStore } from '../core/ports/ashby-connection-store.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import { documentStore } from '../db/stores/document-store.js';
import type { DocumentServices } from '../http/people-services.js';
import { downloadDocumentHandler, removeDocumentFileHandler } from '../jobs/download-document.job.js';
import type { Shared } from './shared.js';

/** Documents: the blob store (filesystem or S3, from configuration), the SSRF-safe fetcher, the API. */
export function documentsWiring(
  { config, db, clock, ids, fetch, logger, admin }: Shared,
  deps: { inbox: InboxStore; connections: AshbyConnectionStore; fileUrlFor: DownloadDeps['fileUrlFor'] },
) {
  const store = config.documents.blobStore;
  const { s3, filesystem } = connectorRegistry;
  // Storage streams over plain fetch; the kit client is there because every connector context has one.
  const http = createHttpClient({
    fetch,
    clock,
    sleep,
    random: Math.random,
    logger,
    timeoutMs: 30_000,
    maxResponseBytes: MAX_DOCUMENT_BYTES,
    retry: { maxRetries: 0, baseDelayMs: 0, maxWaitMs: 0 },
  });
  const base = { http, fetch, clock };
  const blobs: BlobStore =
    store.kind === 's3'
      ? s3.create(connectorContext(s3, base, { baseUrl: store.endpoint }), {
          bucket: store.bucket,
          region: store.region,
          accessKeyId: store.accessKeyId,
          secretAccessKey: store.secretAccessKey,
          ...(store.sessionToken ? { sessionToken: store.sessionToken } : {}),
          forcePathStyle: store.forcePathStyle,
        })
      : filesystem.create(connectorContext(filesystem, base), { root: store.root });
  const documents = documentStore(db);
  const settingsDeps = { documents, connections: deps.connections, clock, ids };
  const read = { documents, blobs, inbox: deps.inbox };
  const services: DocumentServices = {
    list: (owner) => listDocuments(read, owner),
    open: (i) => openDocument(read, i),
    categories: (kind) => listDocumentCategories(settingsDeps, kind),
    addCategory: ({ principal, ...i }) =>
      addDocumentCategoryAudited(admin, { ...i, actor: actorOf(principal) }),
    settings: (connectionId) => getDocumentSettings(settingsDeps, connectionId),
    saveSettings: ({ principal, ...i }) =>
      saveDocumentSettingsAudited(admin, { ...i, actor: actorOf(principal) }),
  };
  const files = fileFetcher({ timeoutMs: config.documents.downloadTimeoutMs, maxBytes: MAX_DOCUMENT_BYTES });
  const download = {
    documents,
    blobs,
    files,
    fileUrlFor: deps.fileUrlFor,
    connections: deps.connections,
    clock,
  };
  return {
    services,
    blobs,
    jobs: [downloadDocumentHandler(download), removeDocumentFileHandler({ blobs })],
  };
}
