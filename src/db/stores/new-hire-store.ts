import type { Kysely } from 'kysely';
import type { NewHireData } from '../../core/ports/new-hire-store.js';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import {
  deleteHistory,
  deleteTombstone,
  findTombstoneRow,
  insertHistory,
  insertTombstone,
  listHistory,
} from '../repositories/inbox.repository.js';
import {
  findNewHire,
  findNewHireByApplication,
  insertNewHireOnce,
  listNewHires,
  updateNewHire,
} from '../repositories/new-hire.repository.js';
import { markDeliveriesProcessed } from '../repositories/webhook-delivery.repository.js';
import type { Database } from '../tables/database.js';
import { historyRow, toHistoryEntry, toTombstone, tombstoneRow } from '../tables/inbox.codec.js';
import { newHireColumns, newHireRow, toNewHire } from '../tables/new-hire.codec.js';

/** The New hires inbox over one handle (the database or a transaction). */
export function newHireData(db: Kysely<Database>, seal: PersonalDataSeal): NewHireData {
  return {
    findNewHire: async (id) => {
      const row = await findNewHire(db, id);
      return row && toNewHire(row, seal);
    },
    findNewHireByApplication: async (connectionId, applicationId) => {
      const row = await findNewHireByApplication(db, connectionId, applicationId);
      return row && toNewHire(row, seal);
    },
    listNewHires: async (filter) => (await listNewHires(db, filter)).map((r) => toNewHire(r, seal)),
    insertNewHire: (n) => insertNewHireOnce(db, newHireRow(n, seal)),
    updateNewHire: (id, changes) => updateNewHire(db, id, newHireColumns(changes, seal, id)),
    addHistory: (e) => insertHistory(db, historyRow(e, seal)),
    history: async (newHireId) => (await listHistory(db, newHireId)).map((r) => toHistoryEntry(r, seal)),
    clearHistory: (newHireId) => deleteHistory(db, newHireId),
    findTombstone: async (connectionId, applicationId) => {
      const row = await findTombstoneRow(db, connectionId, applicationId);
      return row && toTombstone(row);
    },
    addTombstone: (t) => insertTombstone(db, tombstoneRow(t)),
    removeTombstone: (connectionId, applicationId) => deleteTombstone(db, connectionId, applicationId),
    markDeliveriesProcessed: async (connectionId, applicationId, outcome, at) => {
      await markDeliveriesProcessed(db, connectionId, applicationId, outcome, at);
    },
  };
}
