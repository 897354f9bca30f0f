import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../tables/database.js';
import type {
  DocumentCategoryRow,
  DocumentCategoryTable,
  DocumentRow,
  DocumentTable,
} from '../tables/document.table.js';

/** Inserts a document unless the new hire already has one for that Ashby file; true when inserted. */
export async function insertDocumentOnce(db: Kysely<Database>, row: DocumentTable): Promise<boolean> {
  const inserted = await db
    .insertInto('documents')
    .values(row)
    .onConflict((oc) => oc.columns(['new_hire_id', 'ashby_file_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findDocumentRow(db: Kysely<Database>, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A new hire's or member's documents: the offer letter, the resume, then other files, each by arrival and name. */
export function listDocumentRows(
  db: Kysely<Database>,
  owner: { newHireId: string } | { memberId: string },
): Promise<DocumentRow[]> {
  const query = db.selectFrom('documents').selectAll();
  const owned =
    'newHireId' in owner
      ? query.where('new_hire_id', '=', owner.newHireId)
      : query.where('member_id', '=', owner.memberId);
  return owned
    .orderBy(sql`case kind when 'offer_letter' then 0 when 'resume' then 1 else 2 end`)
    .orderBy('created_at')
    .orderBy('file_name')
    .orderBy('id')
    .execute();
}

/** Updates a document; the number of rows changed (0 when it is gone). */
export async function updateDocumentRow(
  db: Kysely<Database>,
  id: string,
  change: Updateable<DocumentTable>,
  only?: { status: string },
): Promise<number> {
  let query = db.updateTable('documents').set(change).where('id', '=', id);
  if (only) query = query.where('status', '=', only.status);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function moveDocumentsToMember(
  db: Kysely<Database>,
  newHireId: string,
  memberId: string,
  at: number,
): Promise<number> {
  const result = await db
    .updateTable('documents')
    .set({ member_id: memberId, updated_at: at })
    .where('new_hire_id', '=', newHireId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the new hire's documents; returns the blob keys of those that had been stored. */
export async function deleteDocumentsOfNewHire(
  db: Kysely<Database>,
  newHireId: string,
): Promise<{ count: number; blobKeys: string[] }> {
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'blob_key'])
    .where('new_hire_id', '=', newHireId)
    .execute();
  await db.deleteFrom('documents').where('new_hire_id', '=', newHireId).execute();
  return { count: rows.length, blobKeys: rows.flatMap((r) => (r.blob_key ? [r.blob_key] : [])) };
}

export function findDocumentSettingsRow(db: Kysely<Database>, connectionId: string) {
  return db
    .selectFrom('connection_document_settings')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .executeTakeFirst();
}

export async function upsertDocumentSettingsRow(
  db: Kysely<Database>,
  row: { connection_id: string; settings: string; updated_at: number; updated_by: string },
): Promise<void> {
  await db
    .insertInto('connection_document_settings')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('connection_id')
        .doUpdateSet({ settings: row.settings, updated_at: row.updated_at, updated_by: row.updated_by }),
    )
    .execute();
}

export function listCategoryRows(db: Kysely<Database>, kind: string): Promise<DocumentCategoryRow[]> {
  return db
    .selectFrom('document_categories')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
}

export async function insertCategoryOnce(db: Kysely<Database>, row: DocumentCategoryTable): Promise<boolean> {
  const inserted = await db
    .insertInto('document_categories')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'name_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
