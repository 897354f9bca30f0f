import { useState } from 'react';

/**
 * Pages of a list the server reads with `limit`/`cursor`: the cursors of the pages before this one are
 * kept, so Previous page goes back without the server keeping any state.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<readonly string[]>([]);
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length + 1,
    restart: () => setCursors([]),
    previous: () => setCursors((c) => c.slice(0, -1)),
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
  };
}

/** Previous page / Next page, shown once there is more than one page. */
export function Pager(props: {
  readonly label: string;
  readonly pages: ReturnType<typeof useCursorPages>;
  readonly nextCursor: string | null;
}) {
  const { pages, nextCursor } = props;
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <nav className="actions admin-pager" aria-label={props.label}>
      <button type="button" disabled={pages.page === 1} onClick={pages.previous}>
        Previous page
      </button>
      <span className="muted">Page {pages.page}</span>
      <button type="button" disabled={!nextCursor} onClick={() => nextCursor && pages.next(nextCursor)}>
        Next page
      </button>
    </nav>
  );
}
