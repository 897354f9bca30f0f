import type { Kysely } from 'kysely';
import {
  DEFAULT_DOCUMENT_SETTINGS,
  documentView,
  type DocumentCategory,
  type DocumentSettings,
  type HireDocument,
} from '../../core/model/document.js';
import type { DocumentData, DocumentStore, StoredDocumentRecord } from '../../core/ports/document-store.js';
import {
  deleteDocumentsOfNewHire,
  findDocumentRow,
  findDocumentSettingsRow,
  insertCategoryOnce,
  insertDocumentOnce,
  listCategoryRows,
  listDocumentRows,
  moveDocumentsToMember,
  updateDocumentRow,
  upsertDocumentSettingsRow,
} from '../repositories/document.repository.js';
import type { Database } from '../tables/database.js';
import type { DocumentRow } from '../tables/document.table.js';

function toRecord(row: DocumentRow): StoredDocumentRecord {
  return {
    id: row.id,
    newHireId: row.new_hire_id,
    memberId: row.member_id,
    connectionId: row.connection_id,
    kind: row.kind as HireDocument['kind'],
    category: { kind: row.category_kind as HireDocument['category']['kind'], name: row.category_name },
    fileName: row.file_name,
    ashbyFileId: row.ashby_file_id,
    fileHandle: row.file_handle,
    status: row.status as HireDocument['status'],
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    error: row.error,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    storedAt: row.stored_at,
  };
}

const toDocument = (row: DocumentRow): HireDocument => documentView(toRecord(row));

async function readSettings(db: Kysely<Database>, connectionId: string): Promise<DocumentSettings> {
  const row = await findDocumentSettingsRow(db, connectionId);
  if (!row) return DEFAULT_DOCUMENT_SETTINGS;
  const saved = JSON.parse(row.settings) as Partial<DocumentSettings>;
  return {
    offerLetter: { ...DEFAULT_DOCUMENT_SETTINGS.offerLetter, ...saved.offerLetter },
    candidateFiles: { ...DEFAULT_DOCUMENT_SETTINGS.candidateFiles, ...saved.candidateFiles },
  };
}

/** The in-transaction document operations of the inbox (InboxData.documents). */
export function documentData(db: Kysely<Database>): DocumentData {
  return {
    settings: (connectionId) => readSettings(db, connectionId),
    insert: (d) =>
      insertDocumentOnce(db, {
        id: d.id,
        new_hire_id: d.newHireId,
        member_id: d.memberId,
        connection_id: d.connectionId,
        kind: d.kind,
        category_kind: d.category.kind,
        category_name: d.category.name,
        file_name: d.fileName,
        ashby_file_id: d.ashbyFileId,
        file_handle: d.fileHandle,
        status: d.status,
        content_type: d.contentType,
        size_bytes: d.sizeBytes,
        sha256: d.sha256,
        blob_key: null,
        error: d.error,
        attempts: d.attempts,
        created_at: d.createdAt,
        updated_at: d.updatedAt,
        stored_at: d.storedAt,
      }),
    moveToMember: (newHireId, memberId, at) => moveDocumentsToMember(db, newHireId, memberId, at),
    removeForNewHire: (newHireId) => deleteDocumentsOfNewHire(db, newHireId),
  };
}

export function documentStore(db: Kysely<Database>): DocumentStore {
  return {
    find: async (id) => {
      const row = await findDocumentRow(db, id);
      return row && toRecord(row);
    },
    listForNewHire: async (newHireId) => (await listDocumentRows(db, { newHireId })).map(toDocument),
    listForMember: async (memberId) => (await listDocumentRows(db, { memberId })).map(toDocument),
    recordFailure: async (id, { error, final, at }) => {
      const row = await findDocumentRow(db, id);
      if (!row || row.status === 'stored') return;
      await updateDocumentRow(db, id, {
        error: error.slice(0, 500),
        status: final ? 'failed' : row.status,
        attempts: row.attempts + 1,
        updated_at: at,
      });
    },
    markStored: async (id, s) => {
      const row = await findDocumentRow(db, id);
      if (!row) return false;
      const changed = await updateDocumentRow(db, id, {
        status: 'stored',
        blob_key: s.blobKey,
        content_type: s.contentType,
        size_bytes: s.sizeBytes,
        sha256: s.sha256,
        error: null,
        attempts: row.attempts + 1,
        stored_at: s.at,
        updated_at: s.at,
      });
      return changed > 0;
    },
    settings: (connectionId) => readSettings(db, connectionId),
    saveSettings: (connectionId, settings, by, at) =>
      upsertDocumentSettingsRow(db, {
        connection_id: connectionId,
        settings: JSON.stringify(settings),
        updated_at: at,
        updated_by: by,
      }),
    categories: async (kind) =>
      (await listCategoryRows(db, kind)).map((r): DocumentCategory => ({
        id: r.id,
        kind: r.kind as DocumentCategory['kind'],
        name: r.name,
        createdAt: r.created_at,
      })),
    addCategory: (c, by) =>
      insertCategoryOnce(db, {
        id: c.id,
        kind: c.kind,
        name: c.name,
        name_key: categoryKey(c.name),
        created_at: c.createdAt,
        created_by: by,
      }),
  };
}

/** Names compare without case and surrounding space: "offer letter" is "Offer letter". */
export const categoryKey = (name: string) => name.trim().toLowerCase();
