import type { Kysely } from 'kysely';
import type { BackfillRun, BackfillRunStore } from '../../core/ports/backfill-run-store.js';
import type { Database } from '../tables/database.js';

export function backfillRunStore(db: Kysely<Database>): BackfillRunStore {
  return {
    start: async (run) => {
      const row = {
        connection_id: run.connectionId,
        started_at: run.startedAt,
        started_by: run.startedBy,
        starts_on_or_after: run.startsOnOrAfter,
        pages: run.pages,
        found: run.found,
        queued: run.queued,
        listed_at: run.listedAt,
        error: run.error,
      };
      await db
        .insertInto('backfill_runs')
        .values(row)
        .onConflict((oc) =>
          oc.column('connection_id').doUpdateSet({
            started_at: row.started_at,
            started_by: row.started_by,
            starts_on_or_after: row.starts_on_or_after,
            pages: row.pages,
            found: row.found,
            queued: row.queued,
            listed_at: row.listed_at,
            error: row.error,
          }),
        )
        .execute();
    },
    update: async (connectionId, startedAt, p) => {
      await db
        .updateTable('backfill_runs')
        .set({ pages: p.pages, found: p.found, queued: p.queued, listed_at: p.listedAt, error: p.error })
        .where('connection_id', '=', connectionId)
        .where('started_at', '=', startedAt)
        .execute();
    },
    latest: async (connectionId) => {
      const row = await db
        .selectFrom('backfill_runs')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .executeTakeFirst();
      return row && toRun(row);
    },
    newHiresSince: async (connectionId, since) => {
      const row = await db
        .selectFrom('new_hires')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('connection_id', '=', connectionId)
        .where('created_at', '>=', since)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
  };
}

function toRun(row: Database['backfill_runs']): BackfillRun {
  return {
    connectionId: row.connection_id,
    // bigint columns come back as strings on PostgreSQL.
    startedAt: Number(row.started_at),
    startedBy: row.started_by,
    startsOnOrAfter: row.starts_on_or_after,
    pages: Number(row.pages),
    found: Number(row.found),
    queued: Number(row.queued),
    listedAt: row.listed_at === null ? null : Number(row.listed_at),
    error: row.error,
  };
}
