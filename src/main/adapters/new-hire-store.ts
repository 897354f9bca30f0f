import type { Kysely } from 'kysely';
import type { NewHire } from '../../core/model/new-hire.js';
import type { NewHireStore, SaveOutcome } from '../../core/ports/new-hire-store.js';
import {
  findNewHire,
  findNewHireByApplication,
  insertNewHireOnce,
  listNewHires,
  updateNewHire,
} from '../../db/repositories/new-hire.repository.js';
import { markDeliveriesProcessed } from '../../db/repositories/webhook-delivery.repository.js';
import type { Database } from '../../db/tables/database.js';
import type { NewHireRow } from '../../db/tables/new-hire.table.js';

function toNewHire(row: NewHireRow): NewHire {
  return {
    id: row.id,
    connectionId: row.connection_id,
    applicationId: row.application_id,
    candidateId: row.candidate_id,
    offerId: row.offer_id,
    status: row.status,
    fields: JSON.parse(row.fields) as NewHire['fields'],
    missingRequired: JSON.parse(row.missing_required) as string[],
    importedAt: row.imported_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const OUTCOME_TEXT: Record<SaveOutcome, string> = {
  created: 'new hire created',
  updated: 'new hire updated (in review)',
  kept: 'new hire already added or deleted; left as it is',
};

export function newHireStore(db: Kysely<Database>): NewHireStore {
  return {
    saveImport: (r) =>
      db.transaction().execute(async (trx) => {
        const fields = JSON.stringify(r.fields);
        const missing = JSON.stringify(r.missingRequired);
        let outcome: SaveOutcome;
        const created = await insertNewHireOnce(trx, {
          id: r.newHireId,
          connection_id: r.connectionId,
          application_id: r.applicationId,
          candidate_id: r.candidateId,
          offer_id: r.offerId,
          status: 'in_review',
          fields,
          missing_required: missing,
          imported_at: r.at,
          created_at: r.at,
          updated_at: r.at,
        });
        const row = await findNewHireByApplication(trx, r.connectionId, r.applicationId);
        if (!row) throw new Error('new hire vanished inside its own transaction');
        if (created) {
          outcome = 'created';
        } else if (row.status === 'in_review') {
          await updateNewHire(trx, row.id, { fields, missing_required: missing, offer_id: r.offerId, imported_at: r.at, updated_at: r.at });
          outcome = 'updated';
        } else {
          outcome = 'kept';
        }
        await markDeliveriesProcessed(trx, r.connectionId, r.applicationId, OUTCOME_TEXT[outcome], r.at);
        const saved = await findNewHire(trx, row.id);
        if (!saved) throw new Error('new hire vanished inside its own transaction');
        return { outcome, newHire: toNewHire(saved) };
      }),
    recordSkip: async (connectionId, applicationId, reason, at) => {
      await markDeliveriesProcessed(db, connectionId, applicationId, reason, at);
    },
    find: async (id) => {
      const row = await findNewHire(db, id);
      return row && toNewHire(row);
    },
    list: async (filter) => (await listNewHires(db, filter)).map(toNewHire),
  };
}
