import type { Kysely } from 'kysely';
import type { Position, PositionStatus } from '../../core/model/position.js';
import type { PositionData, PositionFill, PositionStore } from '../../core/ports/position-store.js';
import type { Database } from '../tables/database.js';
import type { PositionRow, PositionTable } from '../tables/position.table.js';
import { insertAudit } from './inbox.repository.js';

export function toPosition(row: PositionRow): Position {
  return {
    id: row.id,
    title: row.title,
    department: row.department,
    location: row.location,
    employmentType: row.employment_type as Position['employmentType'],
    targetHireDate: row.target_hire_date,
    targetStartDate: row.target_start_date,
    recruiting: Number(row.recruiting) === 1,
    requisitionId: row.requisition_id,
    description: row.description,
    ashbyJobId: row.ashby_job_id,
    customFields: JSON.parse(row.custom_fields) as Position['customFields'],
    status: row.status as PositionStatus,
    closeReason: row.close_reason,
    filledByMemberId: row.filled_by_member_id,
    revision: Number(row.revision),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toRow(p: Position): PositionTable {
  return {
    id: p.id,
    title: p.title,
    department: p.department,
    location: p.location,
    employment_type: p.employmentType,
    target_hire_date: p.targetHireDate,
    target_start_date: p.targetStartDate,
    recruiting: p.recruiting ? 1 : 0,
    requisition_id: p.requisitionId,
    description: p.description,
    ashby_job_id: p.ashbyJobId,
    custom_fields: JSON.stringify(p.customFields),
    status: p.status,
    close_reason: p.closeReason,
    filled_by_member_id: p.filledByMemberId,
    revision: p.revision,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

export async function listPositionRows(
  db: Kysely<Database>,
  filter: { status?: PositionStatus; limit?: number },
): Promise<Position[]> {
  let query = db.selectFrom('positions').selectAll().orderBy('created_at', 'desc').orderBy('id');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(toPosition);
}

function positionData(db: Kysely<Database>): PositionData {
  return {
    insertPosition: async (p) => {
      await db.insertInto('positions').values(toRow(p)).execute();
    },
    findPosition: async (id) => {
      const row = await db.selectFrom('positions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPosition(row);
    },
    listPositions: (filter) => listPositionRows(db, filter),
    savePosition: async (p) => {
      const row: Partial<PositionTable> = toRow(p);
      delete row.id;
      delete row.created_at;
      await db.updateTable('positions').set(row).where('id', '=', p.id).execute();
    },
    audit: (e) =>
      insertAudit(db, {
        id: e.id,
        at: e.at,
        actor: e.actor,
        action: e.action,
        target_type: e.targetType,
        target_id: e.targetId,
        details: JSON.stringify(e.details),
      }),
  };
}

export function positionStore(db: Kysely<Database>): PositionStore {
  return {
    transaction: (work) => db.transaction().execute((trx) => work(positionData(trx))),
    read: (work) => work(positionData(db)),
  };
}

/** The position side of Add member, over the caller's handle (its transaction). */
export function positionFill(db: Kysely<Database>): PositionFill {
  return {
    fillFromOpening: async ({ connectionId, openingId, memberId, at }) => {
      const link = await db
        .selectFrom('position_openings')
        .select('position_id')
        .where('connection_id', '=', connectionId)
        .where('opening_id', '=', openingId)
        .executeTakeFirst();
      if (!link) return null;
      const position = await db
        .selectFrom('positions')
        .select(['id', 'revision', 'filled_by_member_id'])
        .where('id', '=', link.position_id)
        .executeTakeFirst();
      // A position is filled once: a second hire into the same opening does not take it over.
      if (!position || (position.filled_by_member_id !== null && position.filled_by_member_id !== memberId))
        return null;
      await db
        .updateTable('positions')
        .set({
          status: 'filled',
          filled_by_member_id: memberId,
          revision: Number(position.revision) + 1,
          updated_at: at,
        })
        .where('id', '=', position.id)
        .execute();
      return position.id;
    },
    openingOfMember: async (memberId) => {
      const position = await db
        .selectFrom('positions')
        .select('id')
        .where('filled_by_member_id', '=', memberId)
        .executeTakeFirst();
      if (!position) return null;
      const link = await db
        .selectFrom('position_openings')
        .select('opening_id')
        .where('position_id', '=', position.id)
        .executeTakeFirst();
      return { positionId: position.id, openingId: link?.opening_id ?? null };
    },
  };
}
