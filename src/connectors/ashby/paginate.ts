import { AppError } from '../../core/errors/app-error.js';

export interface AshbyPage<T> {
  readonly results: readonly T[];
  readonly nextCursor: string | null;
  readonly moreDataAvailable: boolean;
  /** Only on the last page of sync-capable lists: store it for the next incremental run. */
  readonly syncToken: string | null;
}

export interface PageParams {
  readonly cursor?: string;
  /** Ashby's maximum (and default) is 100. */
  readonly limit?: number;
  readonly syncToken?: string;
}

export function withCursor<P extends PageParams>(params: P, cursor: string | undefined): P {
  return cursor === undefined ? params : { ...params, cursor };
}

/**
 * Follows cursors until Ashby says there is no more data. A cursor that does not advance would loop
 * forever, so it is reported as an upstream fault instead.
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<AshbyPage<T>>,
  startCursor?: string,
): AsyncGenerator<AshbyPage<T>> {
  let cursor = startCursor;
  const seen = new Set<string>();
  for (;;) {
    const current = await fetchPage(cursor);
    yield current;
    if (!current.moreDataAvailable) return;
    const next = current.nextCursor;
    if (next === null || seen.has(next)) {
      throw new AppError('upstream_permanent', 'ashby pagination: moreDataAvailable without a new cursor', {
        details: { reason: 'cursor_stuck' },
      });
    }
    seen.add(next);
    cursor = next;
  }
}
