import { AppError } from '../core/errors/app-error.js';
import type { LogPosition } from '../core/model/log-window.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

const DAY_MS = 86_400_000;
/** How many entries an export reads per query (names resolved per chunk, one query each). */
const EXPORT_PAGE = 1_000;

/** A date range of the log pages (YYYY-MM-DD, both days included, UTC) as epoch ms, `to` exclusive. */
export function dayWindow(days: { from?: string; to?: string }): { from?: number; to?: number } {
  const from = days.from === undefined ? undefined : Date.parse(`${days.from}T00:00:00Z`);
  const to = days.to === undefined ? undefined : Date.parse(`${days.to}T00:00:00Z`) + DAY_MS;
  if (from !== undefined && to !== undefined && from >= to) {
    throw new AppError('validation_failed', `from (${days.from}) is after to (${days.to})`);
  }
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

const isPosition = (p: unknown): p is { t: number; i: string } =>
  typeof p === 'object' &&
  p !== null &&
  't' in p &&
  'i' in p &&
  typeof p.t === 'number' &&
  Number.isSafeInteger(p.t) &&
  typeof p.i === 'string';

export const logCursor = (position: LogPosition) => encodeCursor({ t: position.at, i: position.id });

export function logPosition(cursor: string): LogPosition {
  const p = decodeCursor(cursor, isPosition);
  return { at: p.t, id: p.i };
}

/**
 * One page of a log read by position: asks for one entry more than the page holds, so the answer says
 * whether another page follows without handing out a cursor to an empty page.
 */
export async function readLogPage<T>(
  limit: number,
  cursor: string | undefined,
  read: (window: { limit: number; after?: LogPosition }) => Promise<T[]>,
  positionOf: (item: T) => LogPosition,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const rows = await read({ limit: limit + 1, ...(cursor ? { after: logPosition(cursor) } : {}) });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? logCursor(positionOf(last)) : null };
}

/** Every entry of a filtered log for a CSV export, read a page at a time, at most `max` of them. */
export async function readWholeLog<T>(
  max: number,
  read: (window: { limit: number; after?: LogPosition }) => Promise<T[]>,
  positionOf: (item: T) => LogPosition,
): Promise<T[]> {
  const all: T[] = [];
  let after: LogPosition | undefined;
  while (all.length < max) {
    const limit = Math.min(EXPORT_PAGE, max - all.length);
    const rows = await read({ limit, ...(after ? { after } : {}) });
    all.push(...rows);
    const last = rows[rows.length - 1];
    if (rows.length < limit || !last) break;
    after = positionOf(last);
  }
  return all;
}
