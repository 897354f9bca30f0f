import { useState } from 'react';
import { Link } from 'react-router';
import type { PositionResponse } from '../../../src/contract/positions';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { withQuery } from '../api/client';
import { useSession } from '../auth/session';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { ImportPositionsForm } from '../components/positions/import-positions-form';
import { POSITIONS_PATH, PositionForm } from '../components/positions/position-form';
import './admin.css';
import './inbox.css';
import './positions.css';

const STATUS_TEXT = { open: 'Open', filled: 'Filled', closed: 'Closed' } as const;

/** Closes a position after asking why. */
function CloseButton({ position }: { readonly position: PositionResponse }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const close = useApiMutation<PositionResponse>(
    () => ({
      path: `${POSITIONS_PATH}/${encodeURIComponent(position.id)}/close`,
      method: 'POST',
      body: { reason },
    }),
    [POSITIONS_PATH],
  );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={`Close ${position.title}`}>
        Close
      </button>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        close.mutate();
      }}
    >
      <div className="field">
        <label htmlFor={`close-reason-${position.id}`}>Why is {position.title} closing?</label>
        <input
          id={`close-reason-${position.id}`}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <ErrorMessage error={close.error} />
      <button type="submit" className="primary" disabled={close.isPending}>
        Close position
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}

/** Open positions of the directory, who filled each, and (admins) add, edit, close and import. */
export function PositionsPage() {
  const { isAdmin } = useSession();
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<PositionResponse | null>(null);
  const list = useApiQuery<{ items: PositionResponse[] }>(
    withQuery(POSITIONS_PATH, { status: status === '' ? undefined : status }),
  );
  const items = list.data?.items ?? [];
  return (
    <Page title="Positions">
      <div className="admin-page inbox">
        <p className="hint">
          Recruiting open positions are published to Ashby as openings when opening sync is on for a
          connection (Integrations). A hire into one of them fills it.
        </p>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="positions-status">Status</label>
            <select id="positions-status" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">All</option>
              <option value="open">Open</option>
              <option value="filled">Filled</option>
              <option value="closed">Closed</option>
            </select>
          </div>
        </div>
        {list.isPending ? (
          <p className="muted">Loading…</p>
        ) : list.error ? (
          <ErrorMessage error={list.error} />
        ) : items.length === 0 ? (
          <p className="empty">No positions yet.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Department</th>
                  <th scope="col">Location</th>
                  <th scope="col">Status</th>
                  <th scope="col">Recruiting</th>
                  <th scope="col">Filled by</th>
                  {isAdmin && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>{p.title}</td>
                    <td>{p.department ?? ''}</td>
                    <td>{p.location ?? ''}</td>
                    <td>
                      {STATUS_TEXT[p.status]}
                      {p.closeReason ? ` (${p.closeReason})` : ''}
                    </td>
                    <td>{p.recruiting ? 'Yes' : 'No'}</td>
                    <td>
                      {p.filledBy ? (
                        <Link to={`/members/${encodeURIComponent(p.filledBy.memberId)}`}>
                          {p.filledBy.name}
                        </Link>
                      ) : (
                        ''
                      )}
                    </td>
                    {isAdmin && (
                      <td>
                        {p.status === 'open' && (
                          <>
                            <button
                              type="button"
                              onClick={() => setEditing(p)}
                              aria-label={`Edit ${p.title}`}
                            >
                              Edit
                            </button>{' '}
                            <CloseButton position={p} />
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {isAdmin && editing && (
          <PositionForm key={editing.id} editing={editing} onDone={() => setEditing(null)} />
        )}
        {isAdmin && !editing && <PositionForm onDone={() => undefined} />}
        {isAdmin && <ImportPositionsForm />}
      </div>
    </Page>
  );
}
