import type { Kysely } from 'kysely';
import type { NewHireData } from '../../core/ports/new-hire-store.js';
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
export function newHireData(db: Kysely<Database>): NewHireData {
  return {
    findNewHire: async (id) => {
      const row = await findNewHire(db, id);
      return row && toNewHire(row);
    },
    findNewHireByApplication: async (connectionId, applicationId) => {
      const row = await findNewHireByApplication(db, connectionId, applicationId);
      return row && toNewHire(row);
    },
    listNewHires: async (filter) => (await listNewHires(db, filter)).map(toNewHire),
    insertNewHire: (n) => insertNewHireOnce(db, newHireRow(n)),
    updateNewHire: (id, changes) => updateNewHire(db, id, newHireColumns(changes)),
    addHistory: (e) => insertHistory(db, historyRow(e)),
    history: async (newHireId) => (await listHistory(db, newHireId)).map(toHistoryEntry),
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
