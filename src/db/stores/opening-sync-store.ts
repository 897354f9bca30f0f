import type { Kysely } from 'kysely';
import type { OpeningSyncStore } from '../../core/ports/opening-sync-store.js';
import {
  enabledConnectionIds,
  findSettingsRow,
  listOpeningLinks,
  listRunRows,
  updateFieldIds,
  updateRunRow,
  upsertOpeningLink,
  upsertRunRow,
  upsertSettingsRow,
} from '../repositories/opening-sync.repository.js';
import { listPositionRows } from '../repositories/position.repository.js';
import type { Database } from '../tables/database.js';
import {
  publishedOpeningColumns,
  syncRunOutcome,
  toOpeningSyncSettings,
  toPosition,
  toPublishedOpening,
  toSyncRun,
} from '../tables/position.codec.js';

/** Opening sync settings, the position ↔ opening links and the run log, over one handle. */
export function openingSyncStore(db: Kysely<Database>): OpeningSyncStore {
  return {
    settings: async (connectionId) => {
      const row = await findSettingsRow(db, connectionId);
      return row && toOpeningSyncSettings(connectionId, row);
    },
    saveSettings: (connectionId, settings, at) =>
      upsertSettingsRow(db, {
        connection_id: connectionId,
        enabled: settings.enabled ? 1 : 0,
        custom_fields: JSON.stringify(settings.customFields),
        updated_at: at,
      }),
    saveFieldIds: (connectionId, fieldIds, at) =>
      updateFieldIds(db, connectionId, JSON.stringify(fieldIds), at),
    positions: async () => (await listPositionRows(db, {})).map(toPosition),
    published: async (connectionId) =>
      new Map((await listOpeningLinks(db, connectionId)).map((r) => [r.position_id, toPublishedOpening(r)])),
    recordPublished: (connectionId, o, at) =>
      upsertOpeningLink(db, {
        connection_id: connectionId,
        position_id: o.positionId,
        ...publishedOpeningColumns(o, at),
      }),
    startRun: ({ id, connectionId, at }) =>
      upsertRunRow(db, {
        id,
        connection_id: connectionId,
        status: 'running',
        created: 0,
        updated: 0,
        closed: 0,
        failed: 0,
        errors: '[]',
        started_at: at,
        finished_at: null,
      }),
    finishRun: (run) => updateRunRow(db, run.id, syncRunOutcome(run)),
    listRuns: async (connectionId, limit) => (await listRunRows(db, connectionId, limit)).map(toSyncRun),
    enabledConnections: () => enabledConnectionIds(db),
  };
}
