import { AppError } from '../core/errors/app-error.js';

/**
 * The `cursor` of the API's paged lists (New hires, Audit log, Delivery log): the position after the
 * last item returned, opaque to callers (base64url JSON), so `limit`/`cursor` read alike on every list.
 * Each list decides what the position holds (an offset, or the last row's sort key); a cursor that does
 * not decode to one is refused as bad input, never a 500.
 */
export function encodeCursor(position: Readonly<Record<string, unknown>>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, isPosition: (value: unknown) => value is T): T {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isPosition(parsed)) return parsed;
  } catch {
    // Falls through to the refusal: a cursor is only ever one this API returned.
  }
  throw new AppError('validation_failed', 'cursor is not one this list returned: start again without it');
}
