import { Link, Navigate } from 'react-router';
import type { OverviewResponse } from '../../../src/contract/overview';
import { useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';
import { ErrorMessage } from '../components/error-message';
import { ErasureRequestsCard } from '../components/erasure/erase-member';
import { CalendarDate, Time } from '../components/time';
import { HiresChart } from '../components/overview/hires-chart';
import { Page } from '../components/page';
import './overview.css';

const UNNAMED = 'Unnamed candidate';

function duration(hours: number): string {
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${String(hours)} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = Math.round((hours / 24) * 10) / 10;
  return `${String(days)} days`;
}

/** The signed-in home: the Overview for admins and inbox managers, the New hires list for others. */
export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={user?.mayManageInbox ? '/overview' : '/new-hires'} replace />;
}

/**
 * The landing page of admins and inbox managers: the review queue and how long it has waited, start
 * dates in the next 30 days, hires per month, the median time to Add member, and what failed.
 */
export function OverviewPage() {
  const { isAdmin } = useSession();
  const overview = useApiQuery<OverviewResponse>('/api/v1/overview', { refetchIntervalMs: 30_000 });
  const o = overview.data;
  return (
    <Page title="Overview">
      {overview.isPending && <p>Loading…</p>}
      <ErrorMessage error={overview.error} />
      {o && (
        <div className="overview">
          <ul className="overview-stats" aria-label="Key figures">
            <li className="card">
              <span className="overview-stat-value">{o.review.total}</span>
              <span className="overview-stat-label">waiting for review</span>
              <span className="hint">
                {o.review.olderThan
                  .filter((a) => a.count > 0)
                  .map((a) => `${String(a.count)} over ${a.label}`)
                  .join(', ') || 'none waiting over a day'}
              </span>
            </li>
            <li className="card">
              <span className="overview-stat-value">{o.upcomingStarts.items.length}</span>
              <span className="overview-stat-label">starting in the next 30 days</span>
            </li>
            <li className="card">
              <span className="overview-stat-value">
                {o.timeToAdd.medianHours === null ? '–' : duration(o.timeToAdd.medianHours)}
              </span>
              <span className="overview-stat-label">median time from Ashby hire to Add member</span>
              <span className="hint">
                {o.timeToAdd.count === 0
                  ? 'no member added in the last 12 months'
                  : `over ${String(o.timeToAdd.count)} added in the last 12 months`}
              </span>
            </li>
            <li className={o.attention.total > 0 ? 'card overview-alert' : 'card'}>
              <span className="overview-stat-value">{o.attention.total}</span>
              <span className="overview-stat-label">failures needing attention</span>
            </li>
          </ul>

          <section className="card" aria-labelledby="overview-review">
            <h2 id="overview-review">Waiting for review</h2>
            {o.review.total === 0 ? (
              <p className="muted">Nothing waits for review.</p>
            ) : (
              <>
                <p>
                  {o.review.total} {o.review.total === 1 ? 'hire waits' : 'hires wait'} for review; the
                  longest waiting:
                </p>
                <ul className="admin-plain-list overview-list">
                  {o.review.oldest.map((r) => (
                    <li key={r.id}>
                      <Link to={`/new-hires/${encodeURIComponent(r.id)}`}>{r.name ?? UNNAMED}</Link>
                      <span className="muted">
                        {' '}
                        arrived <Time iso={r.arrivedAt} />
                      </span>
                    </li>
                  ))}
                </ul>
                <p>
                  <Link to="/new-hires">Open the New hires list</Link>
                </p>
              </>
            )}
          </section>

          <section className="card" aria-labelledby="overview-starts">
            <h2 id="overview-starts">Starting in the next 30 days</h2>
            {o.upcomingStarts.items.length === 0 ? (
              <p className="muted">
                No start date between <CalendarDate date={o.upcomingStarts.from} /> and{' '}
                <CalendarDate date={o.upcomingStarts.to} />.
              </p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Start date</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {o.upcomingStarts.items.map((s) => (
                    <tr key={s.id}>
                      <td data-label="Name">
                        <Link to={`/new-hires/${encodeURIComponent(s.id)}`}>{s.name ?? UNNAMED}</Link>
                      </td>
                      <td data-label="Start date">
                        <CalendarDate date={s.startDate} />
                      </td>
                      <td data-label="Status">
                        {s.status === 'added' ? (
                          <span className="badge ok">Added</span>
                        ) : (
                          <span className="badge warn">In review</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section className="card" aria-labelledby="overview-months">
            <h2 id="overview-months">Hires per month, last 12 months</h2>
            <HiresChart months={o.hiresPerMonth} />
          </section>

          <ErasureRequestsCard />
          <section className="card" aria-labelledby="overview-attention">
            <h2 id="overview-attention">Needs attention</h2>
            {o.attention.total === 0 ? (
              <p className="muted">Nothing failed.</p>
            ) : (
              <ul className="admin-plain-list overview-list">
                {o.attention.items
                  .filter((a) => a.count > 0)
                  .map((a) => (
                    <li key={a.kind}>
                      <strong>{a.count}</strong> {a.label}
                      {a.oldestAt && (
                        <span className="muted">
                          {' '}
                          (oldest <Time iso={a.oldestAt} />)
                        </span>
                      )}
                      {a.page && isAdmin && (
                        <>
                          {' '}
                          <Link to={a.page}>Look into it</Link>
                        </>
                      )}
                    </li>
                  ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </Page>
  );
}
