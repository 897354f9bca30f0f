import { useState } from 'react';
import { Link } from 'react-router';
import { withQuery } from '../api/client';
import { ErrorMessage } from '../components/error-message';
import { MemberImport } from '../components/inbox/member-import';
import { memberName, type MemberDetail } from '../components/inbox/member-types';
import { useDebounced } from '../components/inbox/use-debounced';
import { useKeptQuery } from '../components/inbox/use-kept-query';
import { Page } from '../components/page';
import { DayCell } from '../components/time';
import './inbox.css';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The people directory: everyone added from the New hires inbox, searchable as you type. */
export function MembersPage() {
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 250);
  const list = useKeptQuery<{ items: MemberDetail[] }>(
    withQuery('/api/v1/members', { q: query === '' ? undefined : query }),
  );
  const items = list.data?.items ?? [];
  return (
    <Page
      title="Members"
      actions={
        <>
          <Link className="button" to="/members/org-chart">
            Org chart
          </Link>
          <a className="button" href="/api/v1/members/export.csv" download="members.csv">
            Export CSV
          </a>
        </>
      }
    >
      <div className="inbox">
        <div className="toolbar">
          <div className="field search-field">
            <label htmlFor="members-search">Search members</label>
            <input
              id="members-search"
              type="search"
              value={search}
              placeholder="Search by name"
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          {list.isFetching && !list.isPending && (
            <p className="muted" role="status">
              Searching…
            </p>
          )}
        </div>
        {list.isPending ? (
          <p className="muted">Loading…</p>
        ) : list.error ? (
          <ErrorMessage error={list.error} />
        ) : items.length === 0 ? (
          <p className="empty">
            {query
              ? `No members match “${query}”.`
              : 'No members yet. People appear here once a reviewer adds them from the New hires inbox.'}
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Job title</th>
                <th scope="col">Department</th>
                <th scope="col">Location</th>
                <th scope="col">Start date</th>
              </tr>
            </thead>
            <tbody>
              {items.map((member) => (
                <tr key={member.id}>
                  <td>
                    <Link to={`/members/${encodeURIComponent(member.id)}`}>{memberName(member)}</Link>
                    {typeof member.fields['employmentStatus'] === 'string' && (
                      <>
                        {' '}
                        <span className="badge">
                          {member.fields['employmentStatus'] === 'offboarded' ? 'Offboarded' : 'Archived'}
                        </span>
                      </>
                    )}
                    {member.pendingUpdates.length > 0 && (
                      <>
                        {' '}
                        <span className="badge warn">
                          {member.pendingUpdates.length} pending{' '}
                          {member.pendingUpdates.length === 1 ? 'update' : 'updates'}
                        </span>
                      </>
                    )}
                  </td>
                  <td data-label="Job title">{text(member.fields['jobTitle'])}</td>
                  <td data-label="Department">
                    {member.department?.name ?? text(member.fields['department'])}
                  </td>
                  <td data-label="Location">{member.location?.name ?? text(member.fields['location'])}</td>
                  <td data-label="Start date">
                    <DayCell value={member.fields['employmentStartDate']} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <MemberImport />
      </div>
    </Page>
  );
}
