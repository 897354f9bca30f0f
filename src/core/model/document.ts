/** What a document is, by where it came from in Ashby. */
export type DocumentKind = 'offer_letter' | 'resume' | 'candidate_file';

/** pending: queued for download; stored: in the blob store; failed: refused or out of attempts (see `error`). */
export type DocumentStatus = 'pending' | 'stored' | 'failed';

/** The admin-defined lists documents are filed under: document types (the offer letter) and folders. */
export type DocumentCategoryKind = 'type' | 'folder';

export interface DocumentCategory {
  readonly id: string;
  readonly kind: DocumentCategoryKind;
  readonly name: string;
  readonly createdAt: number;
}

/** A file of a new hire (later of its member), fetched from Ashby. */
export interface HireDocument {
  readonly id: string;
  readonly newHireId: string;
  /** Set on Add member: the document moved with the new hire to the directory. */
  readonly memberId: string | null;
  readonly connectionId: string;
  readonly kind: DocumentKind;
  /** The document type (offer letter) or folder (resume, other files) it was filed under at import. */
  readonly category: { readonly kind: DocumentCategoryKind; readonly name: string };
  /** The file name Ashby gives; personal data (it often holds the person's name), never logged. */
  readonly fileName: string;
  readonly ashbyFileId: string;
  readonly status: DocumentStatus;
  readonly contentType: string | null;
  readonly sizeBytes: number | null;
  /** Hex SHA-256 of the stored bytes. */
  readonly sha256: string | null;
  /** Why it is not stored (yet): the last download error, written without personal data. */
  readonly error: string | null;
  readonly attempts: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly storedAt: number | null;
}

/** Per connection: where the accepted offer's letter and the candidate's files go; each can be off. */
export interface DocumentSettings {
  readonly offerLetter: {
    readonly enabled: boolean;
    /** A name from the document types list. */
    readonly documentType: string;
    /** Take the signed PDF when the offer version has one. */
    readonly preferSigned: boolean;
  };
  readonly candidateFiles: {
    readonly enabled: boolean;
    /** A name from the folders list; the resume and every other candidate file go there. */
    readonly folder: string;
  };
}

export const DEFAULT_OFFER_LETTER_TYPE = 'Offer letter';
export const DEFAULT_FILES_FOLDER = 'Hiring documents';

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  offerLetter: { enabled: true, documentType: DEFAULT_OFFER_LETTER_TYPE, preferSigned: true },
  candidateFiles: { enabled: true, folder: DEFAULT_FILES_FOLDER },
};

/** The blob key of a document: its id only, nothing about the person, so ownership can change freely. */
export const documentBlobKey = (documentId: string) => `documents/${documentId}`;

/** The largest file HireBridge downloads (issue 6: 25 MiB). */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** A document as shown outside: field by field, so Ashby's file handle (kept for downloads) never leaks. */
export function documentView(d: HireDocument): HireDocument {
  return {
    id: d.id,
    newHireId: d.newHireId,
    memberId: d.memberId,
    connectionId: d.connectionId,
    kind: d.kind,
    category: { kind: d.category.kind, name: d.category.name },
    fileName: d.fileName,
    ashbyFileId: d.ashbyFileId,
    status: d.status,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    error: d.error,
    attempts: d.attempts,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    storedAt: d.storedAt,
  };
}
