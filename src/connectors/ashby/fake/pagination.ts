import { AshbyApiError, invalidInput } from './api-error.js';
import type { SimulatorState } from './state.js';

/**
 * Cursor pagination and incremental sync (§1.6).
 * - Items are ordered by (createdAt, id); a cursor is the position after the last item served, plus the
 *   sync window and a fingerprint of the filters, base64url-encoded so clients treat it as opaque.
 * - A sync token is the state revision when the sync began. Replaying it returns only records whose
 *   revision is newer. It is handed out only on the last page, as Ashby does. A record changed while a
 *   client is paging shows up again in the next incremental sync (at-least-once, never lost).
 */
export const MAX_PAGE_SIZE = 100;

export interface PageParams {
  cursor?: string | undefined;
  limit?: number | undefined;
  syncToken?: string | undefined;
}

export interface Page<T> {
  results: T[];
  moreDataAvailable: boolean;
  nextCursor?: string;
  syncToken?: string;
}

interface CursorState {
  /** createdAt (ms) and id of the last item served */
  after: [number, string];
  /** only records with a revision above this (incremental sync), or null for a full list */
  since: number | null;
  /** revision when this sync began: becomes the next sync token */
  snapshot: number;
  filters: string;
}

export function paginate<T extends { id: string }>(args: {
  state: SimulatorState;
  items: readonly T[];
  createdAtMs: (item: T) => number;
  params: PageParams;
  /** Any string that changes when the non-paging filters change. */
  filters: string;
  syncCapable: boolean;
}): Page<T> {
  const { state, params } = args;
  const limit = pageSize(params.limit);
  let window: Omit<CursorState, 'after'> & { after: [number, string] | null };
  if (params.cursor !== undefined) {
    const cursor = decodeCursor(params.cursor);
    if (cursor.filters !== args.filters) throw invalidInput('cursor does not belong to this query');
    window = cursor;
  } else if (params.syncToken !== undefined && args.syncCapable) {
    window = {
      after: null,
      since: decodeSyncToken(state, params.syncToken),
      snapshot: state.currentRevision,
      filters: args.filters,
    };
  } else {
    window = { after: null, since: null, snapshot: state.currentRevision, filters: args.filters };
  }

  const ordered = args.items
    .map((item) => ({ item, key: [args.createdAtMs(item), item.id] as [number, string] }))
    .filter(({ item }) => window.since === null || state.revisionOf(item.id) > window.since)
    .filter(({ key }) => window.after === null || compareKeys(key, window.after) > 0)
    .sort((a, b) => compareKeys(a.key, b.key));

  const pageItems = ordered.slice(0, limit);
  const more = ordered.length > limit;
  const last = pageItems[pageItems.length - 1];
  const page: Page<T> = { results: pageItems.map(({ item }) => item), moreDataAvailable: more };
  if (more && last !== undefined) {
    page.nextCursor = encode({
      after: last.key,
      since: window.since,
      snapshot: window.snapshot,
      filters: args.filters,
    });
  }
  if (!more && args.syncCapable) page.syncToken = encode({ r: window.snapshot, e: state.syncEpoch });
  return page;
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return MAX_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) throw invalidInput('limit must be a positive integer');
  // Ashby caps the page length rather than rejecting a large limit (§1.6).
  return Math.min(limit, MAX_PAGE_SIZE);
}

function compareKeys(a: [number, string], b: [number, string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decode(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function decodeCursor(text: string): CursorState {
  const value = decode(text) as Partial<CursorState> | undefined;
  const after = value?.after;
  if (
    value === undefined ||
    value === null ||
    !Array.isArray(after) ||
    typeof after[0] !== 'number' ||
    typeof after[1] !== 'string' ||
    typeof value.snapshot !== 'number' ||
    typeof value.filters !== 'string' ||
    !(value.since === null || typeof value.since === 'number')
  ) {
    throw invalidInput('cursor is not valid');
  }
  return {
    after: [after[0], after[1]],
    since: value.since,
    snapshot: value.snapshot,
    filters: value.filters,
  };
}

/** The revision a sync token stands for. `sync_token_expired` is the code a third-party client handles (UNCONFIRMED). */
function decodeSyncToken(state: SimulatorState, text: string): number {
  const value = decode(text) as { r?: unknown; e?: unknown } | undefined;
  if (value === undefined || value === null || typeof value.r !== 'number' || typeof value.e !== 'number') {
    throw invalidInput('syncToken is not valid');
  }
  if (value.e !== state.syncEpoch)
    throw new AshbyApiError('sync_token_expired', 'Sync token has expired; run a full sync');
  return value.r;
}
