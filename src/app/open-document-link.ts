import { AppError } from '../core/errors/app-error.js';
import type { Clock } from '../core/ports/clock.js';
import { openDocument, type DocumentReadDeps } from './list-documents.js';

export interface DocumentLinkDeps extends DocumentReadDeps {
  /** The link's document and member, or undefined when forged, malformed or expired. */
  readonly verifyLink: (token: string, now: number) => { documentId: string; memberId: string } | undefined;
  readonly clock: Clock;
}

/** A member's document through a signed, expiring link (no sign-in: the link is the credential). */
export function openDocumentLink(deps: DocumentLinkDeps, token: string) {
  const link = deps.verifyLink(token, deps.clock.now());
  if (!link) throw new AppError('not_found', 'This document link is invalid or has expired');
  return openDocument(deps, { owner: { memberId: link.memberId }, documentId: link.documentId });
}
