import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { NewHireResponse } from '../../../src/contract/new-hires';
import { withQuery } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';
import { ErrorMessage } from '../components/error-message';
import { CompletenessBadge, StatusBadge } from '../components/inbox/badges';
import { BulkActions } from '../components/inbox/bulk-actions';
import { MissingFieldNames } from '../components/inbox/missing-field-names';
import {
  NewHireFilters,
  NO_FILTERS,
  queryOf,
  type NewHireFilterState,
} from '../components/inbox/new-hire-filters';
import { RowAddMember } from '../components/inbox/row-add-member';
import { newHireName } from '../components/inbox/values';
import { Page } from '../components/page';
import { DayCell, Time } from '../components/time';
import './inbox.css';

const PAGE_SIZE = 50;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function emptyText(f: NewHireFilterState): string {
  const filtered = f.q || f.department || f.startFrom || f.startTo;
  if (filtered) return 'No new hires match these filters.';
  if (f.status === 'added') return 'No new hires have been added to the directory yet.';
  if (f.status === 'deleted') return 'No new hires have been deleted.';
  return 'No new hires yet. When a candidate is hired in Ashby, they appear here.';
}

/**
 * The New hires inbox: hires waiting for review (or all of them) with search, filters and sort, read a
 * page at a time from the server (limit/cursor), refreshed every 10 s.
 */
export function NewHiresPage() {
  const [filters, setFilters] = useState<NewHireFilterState>(NO_FILTERS);
  // A viewer reads the list; adding a member is the inbox managers' (and admins') work.
  const mayManage = useSession().user?.mayManageInbox ?? false;
  // The cursors of the pages before this one, so Previous page can go back.
  const [cursors, setCursors] = useState<readonly string[]>([]);
  // Selected rows of this page (bulk add and delete); another page or filter starts a new selection.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const turnPage = (next: readonly string[]) => {
    setCursors(next);
    setSelected(new Set());
  };
  const location = useLocation();
  const notice = (location.state as { notice?: unknown } | null)?.notice;
  const cursor = cursors[cursors.length - 1];
  const list = useApiQuery<{ items: NewHireResponse[]; nextCursor: string | null }>(
    withQuery('/api/v1/new-hires', { ...queryOf(filters), limit: PAGE_SIZE, cursor }),
    { refetchIntervalMs: 10_000 },
  );
  const items = list.data?.items ?? [];
  const nextCursor = list.data?.nextCursor ?? null;
  const showStatus = filters.status !== 'in_review';
  const selectable = mayManage ? items.filter((h) => h.status === 'in_review') : [];
  return (
    <Page title="New hires">
      <div className="inbox">
        {typeof notice === 'string' && (
          <p role="status" className="success">
            {notice}
          </p>
        )}
        <NewHireFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            turnPage([]);
          }}
        />
        {list.data && (
          <p className="muted" aria-live="polite">
            {items.length} {items.length === 1 ? 'new hire' : 'new hires'}
            {cursors.length > 0 || nextCursor ? ` on page ${String(cursors.length + 1)}` : ''}
          </p>
        )}
        {mayManage && items.length > 0 && (
          <BulkActions selectable={selectable} selected={selected} onSelect={setSelected} />
        )}
        {list.isPending ? (
          <p className="muted">Loading…</p>
        ) : list.error ? (
          <ErrorMessage error={list.error} />
        ) : items.length === 0 ? (
          <p className="empty">{emptyText(filters)}</p>
        ) : (
          <table>
            <thead>
              <tr>
                {mayManage && (
                  <th scope="col" className="select-cell">
                    <span className="visually-hidden">Select</span>
                  </th>
                )}
                <th scope="col">Name</th>
                <th scope="col">Job</th>
                <th scope="col">Start date</th>
                <th scope="col">Completeness</th>
                {showStatus && <th scope="col">Status</th>}
                <th scope="col">Arrived</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((hire) => (
                <tr key={hire.id}>
                  {mayManage && (
                    <td className="select-cell">
                      {hire.status === 'in_review' && (
                        <input
                          type="checkbox"
                          aria-label={`Select ${newHireName(hire.fields)}`}
                          checked={selected.has(hire.id)}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if (e.target.checked) next.add(hire.id);
                            else next.delete(hire.id);
                            setSelected(next);
                          }}
                        />
                      )}
                    </td>
                  )}
                  <td>
                    <Link to={`/new-hires/${encodeURIComponent(hire.id)}`}>{newHireName(hire.fields)}</Link>
                  </td>
                  <td data-label="Job">{text(hire.fields['jobTitle']?.value)}</td>
                  <td data-label="Start date">
                    <DayCell value={hire.fields['employmentStartDate']?.value} />
                  </td>
                  <td data-label="Completeness">
                    {hire.status === 'in_review' ? (
                      <>
                        <CompletenessBadge missing={hire.missingRequired.length} />{' '}
                        <MissingFieldNames
                          connectionId={hire.source.connectionId}
                          keys={hire.missingRequired}
                        />
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  {showStatus && (
                    <td data-label="Status">
                      <StatusBadge status={hire.status} />
                    </td>
                  )}
                  <td data-label="Arrived">
                    <Time iso={hire.createdAt} />
                  </td>
                  <td>
                    {mayManage && hire.status === 'in_review' && hire.missingRequired.length === 0 && (
                      <RowAddMember newHireId={hire.id} name={newHireName(hire.fields)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {(cursors.length > 0 || nextCursor) && (
          <nav className="actions pager" aria-label="Pages of new hires">
            <button
              type="button"
              disabled={cursors.length === 0}
              onClick={() => turnPage(cursors.slice(0, -1))}
            >
              Previous page
            </button>
            <button
              type="button"
              disabled={!nextCursor}
              onClick={() => nextCursor && turnPage([...cursors, nextCursor])}
            >
              Next page
            </button>
          </nav>
        )}
      </div>
    </Page>
  );
}
