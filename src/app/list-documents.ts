import { AppError, notFound } from '../core/errors/app-error.js';
import { documentBlobKey, documentView, type HireDocument } from '../core/model/document.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import type { DocumentStore } from '../core/ports/document-store.js';
import type { InboxStore } from '../core/ports/inbox-store.js';

export interface DocumentReadDeps {
  readonly documents: DocumentStore;
  readonly blobs: BlobStore;
  readonly inbox: InboxStore;
}

/** Whose documents: a new hire's (in the inbox) or a member's (after Add member). */
export type DocumentOwner = { readonly newHireId: string } | { readonly memberId: string };

/** The documents of a new hire or member, with each one's status (pending, stored, failed and why). */
export async function listDocuments(deps: DocumentReadDeps, owner: DocumentOwner): Promise<HireDocument[]> {
  await ensureOwner(deps, owner);
  return 'newHireId' in owner
    ? deps.documents.listForNewHire(owner.newHireId)
    : deps.documents.listForMember(owner.memberId);
}

/** A stored document's bytes, for download; only through its owner, so ids cannot be mixed up. */
export async function openDocument(
  deps: DocumentReadDeps,
  input: { owner: DocumentOwner; documentId: string },
): Promise<{ document: HireDocument; content: AsyncIterable<Uint8Array> }> {
  await ensureOwner(deps, input.owner);
  const record = await deps.documents.find(input.documentId);
  const owned =
    record &&
    ('newHireId' in input.owner
      ? record.newHireId === input.owner.newHireId
      : record.memberId === input.owner.memberId);
  if (!record || !owned) throw notFound('Document');
  if (record.status !== 'stored') {
    throw new AppError(
      'conflict',
      record.status === 'pending'
        ? 'This document is still being downloaded from Ashby'
        : `This document could not be fetched: ${record.error ?? 'unknown error'}`,
      {
        details: { status: record.status },
      },
    );
  }
  const document = documentView(record);
  const content = await deps.blobs.open(documentBlobKey(record.id));
  if (!content) throw new AppError('not_found', 'The stored file of this document is missing');
  return { document, content };
}

async function ensureOwner(deps: DocumentReadDeps, owner: DocumentOwner): Promise<void> {
  const found = await deps.inbox.read(async (data): Promise<unknown> =>
    'newHireId' in owner ? data.findNewHire(owner.newHireId) : data.findMember(owner.memberId),
  );
  if (!found) throw notFound('newHireId' in owner ? 'New hire' : 'Member');
}
