import { displayNameOf } from '../core/names/display-name.js';
import type { NewHire, NewHireStatus } from '../core/model/new-hire.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import { decodeCursor, encodeCursor } from './page-cursor.js';

export interface NewHireSearch {
  readonly status?: NewHireStatus;
  readonly connectionId?: string;
  /** Words found in the name, emails or job title (case and accents folded). */
  readonly q?: string;
  /** Exact department name (case and accents folded). */
  readonly department?: string;
  /** Start dates from and to, inclusive, as YYYY-MM-DD. */
  readonly startFrom?: string;
  readonly startTo?: string;
  /** `arrived`: newest first (the default); `startDate`: soonest start first, hires without one last. */
  readonly sort?: 'arrived' | 'startDate';
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * How many new hires one search reads at most. The filters look inside the field values, which both
 * databases keep as JSON; reading a bounded set and filtering here keeps one query that behaves the same
 * on SQLite and PostgreSQL. The inbox holds hires in review, a few hundred at most for the companies
 * HireBridge serves; a directory-sized list belongs to the members API.
 */
const SCAN_LIMIT = 5_000;

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const textOf = (hire: NewHire, key: string): string => {
  const value = hire.fields[key]?.value;
  return typeof value === 'string' ? value : '';
};

/**
 * The New hires list with search, filters, sort and pagination. The cursor is opaque to callers: the
 * position after the last item returned, so `limit`/`cursor` read like every other list of the API.
 */
export async function searchNewHires(
  deps: { readonly inbox: InboxStore },
  input: NewHireSearch,
): Promise<{ items: NewHire[]; nextCursor: string | null }> {
  const offset = input.cursor === undefined ? 0 : offsetOf(input.cursor);
  const all = await deps.inbox.read((data) =>
    data.listNewHires({
      limit: SCAN_LIMIT,
      ...(input.status ? { status: input.status } : {}),
      ...(input.connectionId ? { connectionId: input.connectionId } : {}),
    }),
  );
  const words = fold(input.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const department = input.department ? fold(input.department.trim()) : '';
  const matches = all.filter((hire) => {
    const start = textOf(hire, 'employmentStartDate');
    if (input.startFrom && (start === '' || start < input.startFrom)) return false;
    if (input.startTo && (start === '' || start > input.startTo)) return false;
    if (department && fold(textOf(hire, 'department')) !== department) return false;
    if (words.length === 0) return true;
    const haystack = fold(
      [
        displayNameOf((key) => hire.fields[key]?.value) ?? '',
        textOf(hire, 'firstName'),
        textOf(hire, 'middleName'),
        textOf(hire, 'lastName'),
        textOf(hire, 'personalEmail'),
        textOf(hire, 'workEmail'),
        textOf(hire, 'jobTitle'),
      ].join(' '),
    );
    return words.every((w) => haystack.includes(w));
  });
  const sorted = [...matches].sort((a, b) => {
    if (input.sort === 'startDate') {
      const sa = textOf(a, 'employmentStartDate') || '9999-99-99';
      const sb = textOf(b, 'employmentStartDate') || '9999-99-99';
      if (sa !== sb) return sa < sb ? -1 : 1;
    } else if (a.createdAt !== b.createdAt) {
      return b.createdAt - a.createdAt;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const items = sorted.slice(offset, offset + input.limit);
  const next = offset + items.length;
  return { items, nextCursor: next < sorted.length ? cursorOf(next) : null };
}

const cursorOf = (offset: number) => encodeCursor({ o: offset });

const offsetOf = (cursor: string) =>
  decodeCursor(
    cursor,
    (p): p is { o: number } =>
      typeof p === 'object' &&
      p !== null &&
      'o' in p &&
      typeof p.o === 'number' &&
      Number.isInteger(p.o) &&
      p.o >= 0,
  ).o;
