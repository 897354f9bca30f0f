import type { Kysely } from 'kysely';
import type { OpeningSyncStore, SyncRun } from '../../core/ports/opening-sync-store.js';
import type { Database } from '../tables/database.js';
import type { OpeningSyncRunRow } from '../tables/position.table.js';
import { listPositionRows } from './position.repository.js';

function toRun(row: OpeningSyncRunRow): SyncRun {
  return {
    id: row.id,
    connectionId: row.connection_id,
    status: row.status as SyncRun['status'],
    created: Number(row.created),
    updated: Number(row.updated),
    closed: Number(row.closed),
    failed: Number(row.failed),
    errors: JSON.parse(row.errors) as SyncRun['errors'],
    startedAt: Number(row.started_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}

/** Opening sync settings, the position ↔ opening links and the run log, over one handle. */
export function openingSyncStore(db: Kysely<Database>): OpeningSyncStore {
  return {
    settings: async (connectionId) => {
      const row = await db
        .selectFrom('ashby_connections as c')
        .leftJoin('opening_sync_settings as s', 's.connection_id', 'c.id')
        .select(['c.id', 's.enabled', 's.custom_fields', 's.field_ids'])
        .where('c.id', '=', connectionId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        connectionId,
        enabled: Number(row.enabled ?? 0) === 1,
        customFields: JSON.parse(row.custom_fields ?? '[]') as string[],
        fieldIds: JSON.parse(row.field_ids ?? '{}') as Record<string, string>,
      };
    },
    saveSettings: async (connectionId, settings, at) => {
      const values = {
        enabled: settings.enabled ? 1 : 0,
        custom_fields: JSON.stringify(settings.customFields),
        updated_at: at,
      };
      await db
        .insertInto('opening_sync_settings')
        .values({ connection_id: connectionId, field_ids: '{}', ...values })
        .onConflict((oc) => oc.column('connection_id').doUpdateSet(values))
        .execute();
    },
    saveFieldIds: async (connectionId, fieldIds, at) => {
      await db
        .updateTable('opening_sync_settings')
        .set({ field_ids: JSON.stringify(fieldIds), updated_at: at })
        .where('connection_id', '=', connectionId)
        .execute();
    },
    positions: () => listPositionRows(db, {}),
    published: async (connectionId) => {
      const rows = await db
        .selectFrom('position_openings')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .execute();
      return new Map(
        rows.map((r) => [
          r.position_id,
          {
            positionId: r.position_id,
            openingId: r.opening_id,
            pushedRevision: Number(r.pushed_revision),
            closed: Number(r.closed) === 1,
          },
        ]),
      );
    },
    recordPublished: async (connectionId, o, at) => {
      const values = {
        opening_id: o.openingId,
        pushed_revision: o.pushedRevision,
        closed: o.closed ? 1 : 0,
        updated_at: at,
      };
      await db
        .insertInto('position_openings')
        .values({ connection_id: connectionId, position_id: o.positionId, ...values })
        .onConflict((oc) => oc.columns(['connection_id', 'position_id']).doUpdateSet(values))
        .execute();
    },
    startRun: async ({ id, connectionId, at }) => {
      const values = {
        status: 'running',
        created: 0,
        updated: 0,
        closed: 0,
        failed: 0,
        errors: '[]',
        started_at: at,
        finished_at: null,
      };
      await db
        .insertInto('opening_sync_runs')
        .values({ id, connection_id: connectionId, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
    },
    finishRun: async (run) => {
      await db
        .updateTable('opening_sync_runs')
        .set({
          status: run.status,
          created: run.created,
          updated: run.updated,
          closed: run.closed,
          failed: run.failed,
          errors: JSON.stringify(run.errors),
          finished_at: run.finishedAt,
        })
        .where('id', '=', run.id)
        .execute();
    },
    listRuns: async (connectionId, limit) =>
      (
        await db
          .selectFrom('opening_sync_runs')
          .selectAll()
          .where('connection_id', '=', connectionId)
          .orderBy('started_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit)
          .execute()
      ).map(toRun),
    enabledConnections: async () =>
      (
        await db
          .selectFrom('opening_sync_settings')
          .select('connection_id')
          .where('enabled', '=', 1)
          .execute()
      ).map((r) => r.connection_id),
  };
}
