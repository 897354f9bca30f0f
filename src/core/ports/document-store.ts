import type {
  DocumentCategory,
  DocumentCategoryKind,
  DocumentSettings,
  HireDocument,
} from '../model/document.js';

/** A document row with the Ashby file handle its download job passes to `file.info`. */
export interface StoredDocumentRecord extends HireDocument {
  readonly fileHandle: string;
}

/** Document operations inside an inbox transaction (InboxData.documents): import, Add member, delete. */
export interface DocumentData {
  /** The connection's document settings (the defaults until an admin saves some). */
  settings(connectionId: string): Promise<DocumentSettings>;
  /** False when the new hire already has a document for this Ashby file. */
  insert(document: StoredDocumentRecord): Promise<boolean>;
  /** Files the new hire's documents under its member; returns how many moved. */
  moveToMember(newHireId: string, memberId: string, at: number): Promise<number>;
  /** Deletes the new hire's documents; returns how many, and the stored files left to remove. */
  removeForNewHire(newHireId: string): Promise<{ count: number; blobKeys: string[] }>;
}

/** Documents outside the import transaction: the download job, the API, settings and lists. */
export interface DocumentStore {
  find(id: string): Promise<StoredDocumentRecord | undefined>;
  listForNewHire(newHireId: string): Promise<HireDocument[]>;
  listForMember(memberId: string): Promise<HireDocument[]>;
  /** An attempt failed: keep the error; `final` marks the document failed (no more attempts). */
  recordFailure(id: string, input: { error: string; final: boolean; at: number }): Promise<void>;
  /** False when the document is gone (its new hire was deleted while it downloaded). */
  markStored(
    id: string,
    input: { blobKey: string; contentType: string; sizeBytes: number; sha256: string; at: number },
  ): Promise<boolean>;
  settings(connectionId: string): Promise<DocumentSettings>;
  saveSettings(connectionId: string, settings: DocumentSettings, by: string, at: number): Promise<void>;
  categories(kind: DocumentCategoryKind): Promise<DocumentCategory[]>;
  /** False when the list already holds that name (compared without case). */
  addCategory(category: DocumentCategory, by: string): Promise<boolean>;
}
