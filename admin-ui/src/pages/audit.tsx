import { useState } from 'react';
import { Link } from 'react-router';
import type { AuditItemResponse } from '../../../src/contract/logs';
import { withQuery } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { actorName } from '../components/actor-name';
import { Pager, useCursorPages } from '../components/admin/cursor-pages';
import { DayRange, filterQuery, LogFilters, TextFilter } from '../components/admin/log-filters';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { Time } from '../components/time';
import './admin.css';

const PAGE_SIZE = 50;

/** Action groups (`user` is every `user.*`) and single actions, offered under the Action box. */
const ACTIONS = [
  'connection',
  'delivery.replay',
  'destination',
  'mapping.save',
  'members.import',
  'new_hire',
  'openings',
  'position',
  'push.retry',
  'token',
  'user',
];

const TYPE_NAMES: Readonly<Record<string, string>> = {
  new_hire: 'new hire',
  member: 'member',
  user: 'user',
  api_token: 'API token',
  connection: 'Ashby connection',
  destination: 'destination',
  position: 'position',
  directory: 'directory',
  delivery: 'delivery',
};

const NO_FILTERS = { action: '', actor: '', from: '', to: '' };

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(text).join(', ');
  return JSON.stringify(value);
}

/** What an entry is about: its current name linked to its page, with its kind and id under it. */
function Subject({ entry }: { readonly entry: AuditItemResponse }) {
  const kind = TYPE_NAMES[entry.targetType] ?? entry.targetType;
  const label = entry.targetName ?? kind;
  return (
    <>
      {entry.targetLink ? <Link to={entry.targetLink}>{label}</Link> : label}
      <br />
      <span className="muted">
        {entry.targetName !== null && `${kind} `}
        <code>{entry.targetId}</code>
      </span>
    </>
  );
}

/** Every change a person or token made, newest first, filtered, a page at a time, and as CSV. */
export function AuditPage() {
  const [filters, setFilters] = useState(NO_FILTERS);
  const pages = useCursorPages();
  const query = filterQuery(filters);
  const audit = useApiQuery<{ items: AuditItemResponse[]; nextCursor: string | null }>(
    withQuery('/api/v1/audit', { ...query, limit: PAGE_SIZE, cursor: pages.cursor }),
  );
  const items = audit.data?.items ?? [];
  const change = (patch: Partial<typeof NO_FILTERS>) => {
    setFilters({ ...filters, ...patch });
    pages.restart();
  };
  const filtered = Object.values(filters).some((v) => v.trim() !== '');
  return (
    <Page title="Audit log">
      <div className="admin-page">
        <p className="hint">
          Changes people and API tokens made, newest first. Entries name ids and fields, never personal
          values; names shown are the current ones. Days are UTC.
        </p>
        <LogFilters label="Audit log">
          <TextFilter
            id="audit-action"
            label="Action"
            placeholder="e.g. new_hire or user.role"
            value={filters.action}
            suggestions={ACTIONS}
            onChange={(action) => change({ action })}
          />
          <TextFilter
            id="audit-actor"
            label="Who"
            placeholder="Name or id"
            value={filters.actor}
            onChange={(actor) => change({ actor })}
          />
          <DayRange idPrefix="audit" from={filters.from} to={filters.to} onChange={change} />
        </LogFilters>
        <a className="button" href={withQuery('/api/v1/audit/export.csv', query)} download="audit-log.csv">
          Export CSV
        </a>
        {audit.isPending && <p>Loading…</p>}
        <ErrorMessage error={audit.error} />
        {audit.isSuccess && items.length === 0 && (
          <p className="muted">
            {filtered
              ? 'No changes match these filters.'
              : 'Nothing yet. Changes people and API tokens make (connecting Ashby, saving the mapping, adding members) appear here.'}
          </p>
        )}
        {items.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Subject</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td data-label="When">
                    <Time iso={e.at} />
                  </td>
                  <td data-label="Who" title={e.actor}>
                    {actorName(e.actor)}
                  </td>
                  <td data-label="Action">
                    <code>{e.action}</code>
                  </td>
                  <td data-label="Subject">
                    <Subject entry={e} />
                  </td>
                  <td data-label="Details">
                    {Object.keys(e.details).length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <dl className="admin-details">
                        {Object.entries(e.details).map(([k, v]) => (
                          <div key={k}>
                            <dt>{k}:</dt> <dd>{text(v)}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager label="Pages of the audit log" pages={pages} nextCursor={audit.data?.nextCursor ?? null} />
      </div>
    </Page>
  );
}
