import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { NewHireResponse } from '../../../src/contract/new-hires';
import { withQuery } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/error-message';
import { CompletenessBadge, StatusBadge } from '../components/inbox/badges';
import { MissingFieldNames } from '../components/inbox/missing-field-names';
import { newHireName } from '../components/inbox/values';
import { Page } from '../components/page';
import { Time } from '../components/time';
import './inbox.css';

type StatusFilter = NewHireResponse['status'] | 'all';

const FILTERS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'in_review', label: 'In review' },
  { value: 'added', label: 'Added' },
  { value: 'deleted', label: 'Deleted' },
  { value: 'all', label: 'All' },
];

const EMPTY: Readonly<Record<StatusFilter, string>> = {
  in_review: 'No new hires yet. When a candidate is hired in Ashby, they appear here.',
  all: 'No new hires yet. When a candidate is hired in Ashby, they appear here.',
  added: 'No new hires have been added to the directory yet.',
  deleted: 'No new hires have been deleted.',
};

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The New hires inbox: hires waiting for review (or all of them), newest first, refreshed every 10 s. */
export function NewHiresPage() {
  const [filter, setFilter] = useState<StatusFilter>('in_review');
  const location = useLocation();
  const notice = (location.state as { notice?: unknown } | null)?.notice;
  const list = useApiQuery<{ items: NewHireResponse[] }>(
    withQuery('/api/v1/new-hires', { status: filter === 'all' ? undefined : filter }),
    { refetchIntervalMs: 10_000 },
  );
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const showStatus = filter !== 'in_review';
  return (
    <Page title="New hires">
      <div className="inbox">
        {typeof notice === 'string' && (
          <p role="status" className="success">
            {notice}
          </p>
        )}
        <div className="toolbar">
          <div className="field inline-field">
            <label htmlFor="new-hires-filter">Show</label>
            <select
              id="new-hires-filter"
              value={filter}
              onChange={(e) => setFilter(e.target.value as StatusFilter)}
            >
              {FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          {list.data && (
            <p className="muted" aria-live="polite">
              {items.length} {items.length === 1 ? 'new hire' : 'new hires'}
            </p>
          )}
        </div>
        {list.isPending ? (
          <p className="muted">Loading…</p>
        ) : list.error ? (
          <ErrorMessage error={list.error} />
        ) : items.length === 0 ? (
          <p className="empty">{EMPTY[filter]}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Job</th>
                <th scope="col">Start date</th>
                <th scope="col">Completeness</th>
                {showStatus && <th scope="col">Status</th>}
                <th scope="col">Arrived</th>
              </tr>
            </thead>
            <tbody>
              {items.map((hire) => (
                <tr key={hire.id}>
                  <td>
                    <Link to={`/new-hires/${encodeURIComponent(hire.id)}`}>{newHireName(hire.fields)}</Link>
                  </td>
                  <td data-label="Job">{text(hire.fields['jobTitle']?.value)}</td>
                  <td data-label="Start date">{text(hire.fields['employmentStartDate']?.value)}</td>
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
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Page>
  );
}
