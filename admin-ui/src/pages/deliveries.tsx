import { useState } from 'react';
import type { DeliveryResponse } from '../../../src/contract/deliveries';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';
import type { ListAnswer } from '../components/admin/types';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { Time } from '../components/time';
import './admin.css';

const PATH = '/api/v1/deliveries';

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

/** Every webhook Ashby sent, what became of it, and a way to import its application again. */
export function DeliveriesPage() {
  const deliveries = useApiQuery<ListAnswer<DeliveryResponse>>(`${PATH}?limit=100`, {
    refetchIntervalMs: 10_000,
  });
  const [queued, setQueued] = useState<{ id: string; fresh: boolean } | null>(null);
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
          from Ashby (the webhook body is not kept).
        </p>
        {deliveries.isPending && <p>Loading…</p>}
        <ErrorMessage error={deliveries.error} />
        <ErrorMessage error={replay.error} />
        {queued && (
          <p role="status" className="success">
            Replay queued for delivery {queued.id}.{' '}
            {queued.fresh
              ? 'The application is imported again from Ashby; the result shows in the inbox.'
              : 'An import of this application was already waiting and covers it.'}
          </p>
        )}
        {deliveries.isSuccess && items.length === 0 && (
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
                <th scope="col">Application id</th>
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
                  <td data-label="Application id">
                    {d.applicationId ? <code>{d.applicationId}</code> : <span className="muted">none</span>}
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
                        aria-label={`Replay delivery ${d.id}`}
                        disabled={replay.isPending}
                        onClick={() => {
                          setQueued(null);
                          replay.mutate(d.id, { onSuccess: (a) => setQueued({ id: d.id, fresh: a.queued }) });
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
      </div>
    </Page>
  );
}
