import type { Kysely } from 'kysely';
import type { PositionData, PositionFill } from '../../core/ports/position-store.js';
import { findLinkByOpening, findLinkByPosition } from '../repositories/opening-sync.repository.js';
import {
  findPositionByFiller,
  findPositionRow,
  insertPositionRow,
  listPositionRows,
  updatePositionRow,
} from '../repositories/position.repository.js';
import type { Database } from '../tables/database.js';
import type { PositionTable } from '../tables/position.table.js';
import { positionRow, toPosition } from '../tables/position.codec.js';

/** Positions over one handle (the database or a transaction). */
export function positionData(db: Kysely<Database>): PositionData {
  return {
    insertPosition: (p) => insertPositionRow(db, positionRow(p)),
    findPosition: async (id) => {
      const row = await findPositionRow(db, id);
      return row && toPosition(row);
    },
    listPositions: async (filter) => (await listPositionRows(db, filter)).map(toPosition),
    savePosition: (p) => {
      // Everything but the id and the creation time, which never change.
      const changes: Partial<PositionTable> = positionRow(p);
      delete changes.id;
      delete changes.created_at;
      return updatePositionRow(db, p.id, changes);
    },
  };
}

/** The position side of Add member, over the caller's handle (its transaction). */
export function positionFill(db: Kysely<Database>): PositionFill {
  return {
    fillFromOpening: async ({ connectionId, openingId, memberId, at }) => {
      const link = await findLinkByOpening(db, connectionId, openingId);
      const position = link && (await findPositionRow(db, link.position_id));
      // A position is filled once: a second hire into the same opening does not take it over.
      if (!position || (position.filled_by_member_id !== null && position.filled_by_member_id !== memberId))
        return null;
      await updatePositionRow(db, position.id, {
        status: 'filled',
        filled_by_member_id: memberId,
        revision: Number(position.revision) + 1,
        updated_at: at,
      });
      return position.id;
    },
    openingOfMember: async (memberId) => {
      const position = await findPositionByFiller(db, memberId);
      if (!position) return null;
      const link = await findLinkByPosition(db, position.id);
      return { positionId: position.id, openingId: link?.opening_id ?? null };
    },
  };
}
