import type { NewHire } from '../../core/model/new-hire.js';
import type { NewHireChanges } from '../../core/ports/new-hire-store.js';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import type { NewHireRow, NewHireTable } from './new-hire.table.js';

const json = <T>(text: string) => JSON.parse(text) as T;

/** The seal context of a new hire's fields (the row id binds a sealed value to its row). */
export const newHireFieldsContext = (id: string) => `new_hires.fields:${id}`;

/** The one row codec of `new_hires`: every column is named here and nowhere else. */
export function toNewHire(row: NewHireRow, seal: PersonalDataSeal): NewHire {
  return {
    id: row.id,
    connectionId: row.connection_id,
    applicationId: row.application_id,
    candidateId: row.candidate_id,
    offerId: row.offer_id,
    status: row.status,
    fields: seal.openMap(json(row.fields), newHireFieldsContext(row.id)),
    missingRequired: json(row.missing_required),
    editedFields: json(row.edited_fields),
    memberId: row.member_id,
    ashbyRefs: {
      departmentId: null,
      locationId: null,
      hiringManagerUserId: null,
      ...json<object>(row.ashby_refs),
    },
    importedAt: row.imported_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The columns of the changes given (undefined = leave alone); also the body of a whole row. Sensitive
 * field values are sealed for the row `id`.
 */
export function newHireColumns(c: NewHireChanges, seal: PersonalDataSeal, id: string): Partial<NewHireTable> {
  const set = <K extends keyof NewHireChanges, V>(
    key: K,
    column: keyof NewHireTable,
    encode: (v: never) => V,
  ) => (c[key] === undefined ? {} : { [column]: encode(c[key] as never) });
  const same = <T>(v: T) => v;
  return {
    ...set('candidateId', 'candidate_id', same),
    ...set('offerId', 'offer_id', same),
    ...set('status', 'status', same),
    ...set('fields', 'fields', (fields: NewHire['fields']) =>
      JSON.stringify(seal.sealMap(fields, newHireFieldsContext(id))),
    ),
    ...set('missingRequired', 'missing_required', JSON.stringify),
    ...set('editedFields', 'edited_fields', JSON.stringify),
    ...set('memberId', 'member_id', same),
    ...set('ashbyRefs', 'ashby_refs', JSON.stringify),
    ...set('importedAt', 'imported_at', same),
    ...set('updatedAt', 'updated_at', same),
  };
}

export function newHireRow(n: NewHire, seal: PersonalDataSeal): NewHireTable {
  return {
    id: n.id,
    connection_id: n.connectionId,
    application_id: n.applicationId,
    created_at: n.createdAt,
    ...newHireColumns(n, seal, n.id),
  } as NewHireTable;
}
