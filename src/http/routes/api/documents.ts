import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponseSchema, idParamsSchema, itemsOf } from '../../../contract/common.js';
import {
  addDocumentCategoryRequestSchema,
  documentCategorySchema,
  documentSchema,
  documentSettingsSchema,
  saveDocumentSettingsRequestSchema,
  type DocumentCategoryResponse,
  type DocumentResponse,
  type DocumentSettingsResponse,
} from '../../../contract/documents.js';
import type { DocumentCategory, DocumentSettings, HireDocument } from '../../../core/model/document.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';

const id = z.string().min(1).max(100);
const contentParams = z.object({ id, docId: id });
const tags = ['Documents'];

export function toDocumentResponse(d: HireDocument): DocumentResponse {
  return {
    id: d.id,
    kind: d.kind,
    category: { ...d.category },
    fileName: d.fileName,
    status: d.status,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    error: d.error,
    attempts: d.attempts,
    newHireId: d.newHireId,
    memberId: d.memberId,
    source: { connectionId: d.connectionId, ashbyFileId: d.ashbyFileId },
    createdAt: new Date(d.createdAt).toISOString(),
    storedAt: isoOrNull(d.storedAt),
  };
}

const toCategory = (c: DocumentCategory): DocumentCategoryResponse => ({
  id: c.id,
  name: c.name,
  createdAt: new Date(c.createdAt).toISOString(),
});

const toSettings = (s: DocumentSettings): DocumentSettingsResponse => ({
  offerLetter: { ...s.offerLetter },
  candidateFiles: { ...s.candidateFiles },
});

/**
 * `attachment` always, and nosniff: a stored file came from outside and must never render in the app's
 * origin. The ASCII fallback name drops what old clients cannot carry; filename* keeps the real name.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_').trim() || 'document';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A stored document's bytes as a download (its own content type), never cached. */
export function sendDocument(
  reply: FastifyReply,
  document: HireDocument,
  content: AsyncIterable<Uint8Array>,
): FastifyReply {
  reply
    .header('content-type', document.contentType ?? 'application/octet-stream')
    .header('content-disposition', contentDisposition(document.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  if (document.sizeBytes !== null) reply.header('content-length', String(document.sizeBytes));
  return reply.send(Readable.from(content));
}

/** Documents of new hires and members (inbox managers and admins), and the admin's document lists and settings. */
export function documentRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const owner of ['new-hires', 'members'] as const) {
    const ownerOf = (ownerId: string) =>
      owner === 'new-hires' ? { newHireId: ownerId } : { memberId: ownerId };
    const whose = owner === 'new-hires' ? "a new hire's" : "a member's";
    api.get(
      `/api/v1/${owner}/:id/documents`,
      {
        schema: {
          tags,
          summary: `List ${whose} documents`,
          params: idParamsSchema,
          response: { 200: itemsOf(documentSchema) },
        },
        config: { access: 'inbox' },
      },
      async ({ params }) => ({
        items: (await services.documents.list(ownerOf(params.id))).map(toDocumentResponse),
      }),
    );
    api.get(
      `/api/v1/${owner}/:id/documents/:docId/content`,
      {
        schema: {
          tags,
          summary: `Download one of ${whose} documents`,
          params: contentParams,
          response: { 200: fileResponseSchema },
        },
        config: { access: 'inbox' },
      },
      async ({ params }, reply) => {
        const { document, content } = await services.documents.open({
          owner: ownerOf(params.id),
          documentId: params.docId,
        });
        return sendDocument(reply, document, content);
      },
    );
  }

  for (const [path, kind] of [
    ['/api/v1/document-types', 'type'],
    ['/api/v1/document-folders', 'folder'],
  ] as const) {
    api.get(
      path,
      {
        schema: {
          tags,
          summary: `List document ${kind}s`,
          response: { 200: itemsOf(documentCategorySchema) },
        },
        config: { access: 'inbox' },
      },
      async () => ({ items: (await services.documents.categories(kind)).map(toCategory) }),
    );
    api.post(
      path,
      {
        schema: {
          tags,
          summary: `Add a document ${kind}`,
          body: addDocumentCategoryRequestSchema,
          response: { 201: documentCategorySchema },
        },
        config: { access: 'admin' },
      },
      async (request, reply) => {
        const principal = requireCaller(request);
        const added = await services.documents.addCategory({ kind, name: request.body.name, principal });
        return reply.status(201).send(toCategory(added));
      },
    );
  }

  const settings = {
    tags,
    params: idParamsSchema,
    response: { 200: documentSettingsSchema },
  };
  api.get(
    '/api/v1/connections/:id/document-settings',
    {
      schema: { ...settings, summary: "A connection's document settings" },
      config: { access: 'admin' },
    },
    async ({ params }) => toSettings(await services.documents.settings(params.id)),
  );
  api.put(
    '/api/v1/connections/:id/document-settings',
    {
      schema: {
        ...settings,
        summary: "Change a connection's document settings",
        body: saveDocumentSettingsRequestSchema,
      },
      config: { access: 'admin' },
    },
    async (request) =>
      toSettings(
        await services.documents.saveSettings({
          connectionId: request.params.id,
          change: request.body,
          principal: requireCaller(request),
        }),
      ),
  );
}
