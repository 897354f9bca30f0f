import type { Position, PositionStatus } from '../model/position.js';

/**
 * Data operations on positions; the same interface inside a transaction (AdminData.positions, with the
 * audit log) and outside one (reads).
 */
export interface PositionData {
  insertPosition(position: Position): Promise<void>;
  findPosition(id: string): Promise<Position | undefined>;
  listPositions(filter: { status?: PositionStatus; limit: number }): Promise<Position[]>;
  /** Replaces the stored position (the caller bumped its revision). */
  savePosition(position: Position): Promise<void>;
}

/**
 * The position side of Add member, inside its transaction: the position HireBridge published as this
 * Ashby opening is marked filled by the member. Returns the position id, or null when the opening is
 * not one HireBridge published.
 */
export interface PositionFill {
  fillFromOpening(input: {
    connectionId: string;
    openingId: string;
    memberId: string;
    at: number;
  }): Promise<string | null>;
  /** The Ashby opening a member filled, for destinations (PushedMember.positionId). */
  openingOfMember(memberId: string): Promise<{ positionId: string; openingId: string | null } | null>;
}
