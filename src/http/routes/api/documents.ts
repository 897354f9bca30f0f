import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  addDocumentCategoryRequestSchema,
  saveDocumentSettingsRequestSchema,
  type DocumentCategoryResponse,
  type DocumentResponse,
  type DocumentSettingsResponse,
} from '../../../contract/documents.js';
import type { DocumentOwner } from '../../../app/list-documents.js';
import type { DocumentCategory, DocumentSettings, HireDocument } from '../../../core/model/document.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
import { parseInput } from '../../validate.js';

const id = z.string().min(1).max(100);
const ownerParams = z.object({ id });
const contentParams = z.object({ id, docId: id });

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

async function sendContent(
  reply: FastifyReply,
  services: HttpServices,
  owner: DocumentOwner,
  documentId: string,
) {
  const { document, content } = await services.documents.open({ owner, documentId });
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
  app.get('/api/v1/new-hires/:id/documents', async (request) => {
    requireRole(request, 'inbox');
    const { id: newHireId } = parseInput(ownerParams, request.params, 'params');
    return { items: (await services.documents.list({ newHireId })).map(toDocumentResponse) };
  });
  app.get('/api/v1/new-hires/:id/documents/:docId/content', async (request, reply) => {
    requireRole(request, 'inbox');
    const p = parseInput(contentParams, request.params, 'params');
    return sendContent(reply, services, { newHireId: p.id }, p.docId);
  });
  app.get('/api/v1/members/:id/documents', async (request) => {
    requireRole(request, 'inbox');
    const { id: memberId } = parseInput(ownerParams, request.params, 'params');
    return { items: (await services.documents.list({ memberId })).map(toDocumentResponse) };
  });
  app.get('/api/v1/members/:id/documents/:docId/content', async (request, reply) => {
    requireRole(request, 'inbox');
    const p = parseInput(contentParams, request.params, 'params');
    return sendContent(reply, services, { memberId: p.id }, p.docId);
  });

  for (const [path, kind] of [
    ['/api/v1/document-types', 'type'],
    ['/api/v1/document-folders', 'folder'],
  ] as const) {
    app.get(path, async (request) => {
      requireRole(request, 'inbox');
      return { items: (await services.documents.categories(kind)).map(toCategory) };
    });
    app.post(path, async (request, reply) => {
      const principal = requireRole(request, 'admin');
      const body = parseInput(addDocumentCategoryRequestSchema, request.body, 'body');
      return reply
        .status(201)
        .send(toCategory(await services.documents.addCategory({ kind, name: body.name, principal })));
    });
  }

  app.get('/api/v1/connections/:id/document-settings', async (request) => {
    requireRole(request, 'admin');
    const { id: connectionId } = parseInput(ownerParams, request.params, 'params');
    return toSettings(await services.documents.settings(connectionId));
  });
  app.put('/api/v1/connections/:id/document-settings', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id: connectionId } = parseInput(ownerParams, request.params, 'params');
    const change = parseInput(saveDocumentSettingsRequestSchema, request.body, 'body');
    return toSettings(await services.documents.saveSettings({ connectionId, change, principal }));
  });
}
