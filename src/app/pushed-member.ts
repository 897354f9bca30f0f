import { notFound } from '../core/errors/app-error.js';
import { documentBlobKey } from '../core/model/document.js';
import type { Push } from '../core/model/destination.js';
import type { FieldValue } from '../core/model/field-value.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { PushDocument, PushedMember } from '../core/ports/destination.js';
import type { DestinationStore } from '../core/ports/destination-store.js';
import type { DocumentStore } from '../core/ports/document-store.js';
import type { InboxStore } from '../core/ports/inbox-store.js';

/** How long a document link handed to a destination works (the receiver fetches it soon after). */
const LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface PushedMemberDeps {
  readonly inbox: InboxStore;
  readonly destinations: DestinationStore;
  readonly documents: DocumentStore;
  readonly blobs: BlobStore;
  /** A download link that works without signing in until `expiresAt` (security/signed-link.ts). */
  readonly documentLink: (link: { documentId: string; memberId: string; expiresAt: number }) => string;
  readonly clock: Clock;
}

const text = (v: FieldValue | null | undefined) => (typeof v === 'string' && v.trim() ? v : null);

/**
 * The member as one destination receives it (the push job's input): fields by key, the manager with the
 * remote id this destination already knows, stored documents as expiring links, and the change key that
 * stays the same across the retries of one change. Undefined when the member is gone.
 */
export async function pushedMember(deps: PushedMemberDeps, push: Push): Promise<PushedMember | undefined> {
  const found = await deps.inbox.read(async (data) => {
    const member = await data.findMember(push.memberId);
    const manager = member?.managerId ? await data.findMember(member.managerId) : undefined;
    const position = member ? await data.positions.openingOfMember(member.id) : null;
    return member && { member, manager, positionId: position?.positionId ?? null };
  });
  if (!found) return undefined;
  const { member, manager, positionId } = found;
  const managerPush = manager ? await deps.destinations.findPush(manager.id, push.destinationId) : undefined;
  const expiresAt = deps.clock.now() + LINK_LIFETIME_MS;
  const documents: PushDocument[] = (await deps.documents.listForMember(member.id))
    .filter((d) => d.status === 'stored')
    .map((d) => ({
      id: d.id,
      kind: d.kind,
      category: d.category.name,
      fileName: d.fileName,
      contentType: d.contentType ?? 'application/octet-stream',
      sizeBytes: d.sizeBytes ?? 0,
      downloadUrl: deps.documentLink({ documentId: d.id, memberId: member.id, expiresAt }),
      read: () => readAll(deps.blobs, documentBlobKey(d.id)),
    }));
  const managerName = manager
    ? [manager.fields['firstName'], manager.fields['lastName']].filter((v) => typeof v === 'string').join(' ')
    : '';
  return {
    memberId: member.id,
    fields: member.fields,
    department: member.department?.name ?? null,
    location: member.location?.name ?? null,
    manager: manager
      ? {
          email: text(manager.fields['workEmail']) ?? text(manager.fields['personalEmail']),
          name: managerName || null,
          remoteId: managerPush?.remoteId ?? null,
        }
      : null,
    documents,
    ashby: member.ashby && {
      candidateId: member.ashby.candidateId,
      applicationId: member.ashby.applicationId,
    },
    changeKey: `${push.id}-r${push.revision}`.replace(/[^A-Za-z0-9_-]/g, '_'),
    changedAt: push.updatedAt,
    positionId,
  };
}

async function readAll(blobs: BlobStore, key: string): Promise<Uint8Array> {
  const content = await blobs.open(key);
  if (!content) throw notFound('Stored document file');
  const chunks: Uint8Array[] = [];
  for await (const chunk of content) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
