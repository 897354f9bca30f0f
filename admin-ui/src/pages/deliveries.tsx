import { useState } from 'react';
import { Link } from 'react-router';
import type { DeliveryResponse } from '../../../src/contract/deliveries';
import { withQuery } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';
import { Pager, useCursorPages } from '../components/admin/cursor-pages';
import { DayRange, filterQuery, LogFilters, TextFilter } from '../components/admin/log-filters';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { Time } from '../components/time';
import './admin.css';

const PATH = '/api/v1/deliveries';
const PAGE_SIZE = 50;

/** Ashby's webhook actions HireBridge acts on (src/app/ingest-ashby-delivery.ts), and its ping. */
const ACTIONS = [
  'candidateHire',
  'applicationUpdate',
  'candidateStageChange',
  'pushToHRIS',
  'offerCreate',
  'offerUpdate',
  'offerDelete',
  'ping',
];

const NO_FILTERS = { action: '', status: '', from: '', to: '' };

/** POST /api/v1/deliveries/:id/replay answers 202 with this. */
interface ReplayAnswer {
  readonly deliveryId: string;
  readonly applicationId: string | null;
  readonly queued: boolean;
}

const STATUS_BADGE: Readonly<Record<DeliveryResponse['status'], string>> = {
  queued: 'badge warn',
  processed: 'badge ok',
  ignored: 'badge',
};

/** The application a delivery named: its new hire's name linked to the review page, with the id under it. */
function Application({ delivery }: { readonly delivery: DeliveryResponse }) {
  if (delivery.applicationId === null) return <span className="muted">none</span>;
  if (delivery.newHire === null) return <code>{delivery.applicationId}</code>;
  return (
    <>
      <Link to={`/new-hires/${encodeURIComponent(delivery.newHire.id)}`}>
        {delivery.newHire.name ?? 'New hire'}
      </Link>
      <br />
      <code className="muted">{delivery.applicationId}</code>
    </>
  );
}

/**
 * Every webhook Ashby sent, what became of it, and a way to import its application again; filtered, a
 * page at a time, and as CSV.
 */
export function DeliveriesPage() {
  const [filters, setFilters] = useState(NO_FILTERS);
  const pages = useCursorPages();
  const query = filterQuery(filters);
  const deliveries = useApiQuery<{ items: DeliveryResponse[]; nextCursor: string | null }>(
    withQuery(PATH, { ...query, limit: PAGE_SIZE, cursor: pages.cursor }),
    { refetchIntervalMs: 10_000 },
  );
  const change = (patch: Partial<typeof NO_FILTERS>) => {
    setFilters({ ...filters, ...patch });
    pages.restart();
  };
  const filtered = Object.values(filters).some((v) => v.trim() !== '');
  const [queued, setQueued] = useState<{ name: string; fresh: boolean } | null>(null);
  const { mayChange } = useSession();
  const replay = useApiMutation<ReplayAnswer, string>(
    (id) => ({ path: `${PATH}/${encodeURIComponent(id)}/replay`, method: 'POST' }),
    [PATH],
  );
  const items = deliveries.data?.items ?? [];
  return (
    <Page title="Delivery log">
      <div className="admin-page">
        <p className="hint">
          Webhooks from Ashby, newest first, refreshed every 10 seconds. Replay imports the application again
          from Ashby (the webhook body is not kept). Days are UTC.
        </p>
        <LogFilters label="Delivery log">
          <TextFilter
            id="deliveries-action"
            label="Action"
            placeholder="e.g. candidateHire"
            value={filters.action}
            suggestions={ACTIONS}
            onChange={(action) => change({ action })}
          />
          <div className="field">
            <label htmlFor="deliveries-status">Status</label>
            <select
              id="deliveries-status"
              value={filters.status}
              onChange={(e) => change({ status: e.target.value })}
            >
              <option value="">Any</option>
              <option value="queued">Queued</option>
              <option value="processed">Processed</option>
              <option value="ignored">Ignored</option>
            </select>
          </div>
          <DayRange idPrefix="deliveries" from={filters.from} to={filters.to} onChange={change} />
        </LogFilters>
        <a className="button" href={withQuery(`${PATH}/export.csv`, query)} download="delivery-log.csv">
          Export CSV
        </a>
        {deliveries.isPending && <p>Loading…</p>}
        <ErrorMessage error={deliveries.error} />
        <ErrorMessage error={replay.error} />
        {queued && (
          <p role="status" className="success">
            Replay queued for {queued.name}.{' '}
            {queued.fresh
              ? 'The application is imported again from Ashby; the result shows in the inbox.'
              : 'An import of this application was already waiting and covers it.'}
          </p>
        )}
        {deliveries.isSuccess && items.length === 0 && filtered && (
          <p className="muted">No deliveries match these filters.</p>
        )}
        {deliveries.isSuccess && items.length === 0 && !filtered && (
          <p className="muted">
            No deliveries yet. They appear when Ashby sends a webhook: check the Request URL and Secret Token
            on the Integrations page, and that Ashby's ping arrived.
          </p>
        )}
        {items.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Action</th>
                <th scope="col">Application</th>
                <th scope="col">Status</th>
                <th scope="col">Outcome</th>
                <th scope="col">
                  <span className="admin-sr-only">Replay</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td data-label="Received">
                    <Time iso={d.receivedAt} />
                  </td>
                  <td data-label="Action">
                    <code>{d.action}</code>
                  </td>
                  <td data-label="Application">
                    <Application delivery={d} />
                  </td>
                  <td data-label="Status">
                    <span className={STATUS_BADGE[d.status]}>{d.status}</span>
                  </td>
                  <td data-label="Outcome">{d.outcome ?? <span className="muted">—</span>}</td>
                  <td>
                    {d.applicationId && mayChange && (
                      <button
                        type="button"
                        className="small"
                        aria-label={`Replay the ${d.action} delivery${d.newHire?.name ? ` for ${d.newHire.name}` : ''} received ${new Date(d.receivedAt).toLocaleString()}`}
                        disabled={replay.isPending}
                        onClick={() => {
                          setQueued(null);
                          replay.mutate(d.id, {
                            onSuccess: (a) =>
                              setQueued({
                                name: d.newHire?.name ?? `the ${d.action} delivery`,
                                fresh: a.queued,
                              }),
                          });
                        }}
                      >
                        Replay
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager
          label="Pages of the delivery log"
          pages={pages}
          nextCursor={deliveries.data?.nextCursor ?? null}
        />
      </div>
    </Page>
  );
}
