import { useState } from 'react';
import type { OpeningSyncRunsResponse } from '../../../../src/contract/positions';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { Time } from '../time';

const syncPath = (connectionId: string) => `/api/v1/connections/${encodeURIComponent(connectionId)}/openings`;

/** Opening sync of one connection: turn it on or off, Sync now, the last run and its errors. */
export function OpeningSyncCard({ connectionId }: { readonly connectionId: string }) {
  const base = syncPath(connectionId);
  const status = useApiQuery<OpeningSyncRunsResponse>(`${base}/sync`, { refetchIntervalMs: 3_000 });
  const [fields, setFields] = useState<string | null>(null);
  const settings = status.data?.settings;
  const fieldText = fields ?? settings?.customFields.join(', ') ?? '';
  const save = useApiMutation<unknown, boolean>(
    (enabled) => ({
      path: `${base}/settings`,
      method: 'PUT',
      body: {
        enabled,
        customFields: fieldText
          .split(',')
          .map((f) => f.trim())
          .filter((f) => f !== ''),
      },
    }),
    [base],
  );
  const sync = useApiMutation<{ runId: string }>(() => ({ path: `${base}/sync`, method: 'POST' }), [base]);
  const last = status.data?.runs[0];
  return (
    <section className="card" aria-labelledby={`openings-${connectionId}`}>
      <h2 id={`openings-${connectionId}`}>Positions as Ashby openings</h2>
      <p className="hint">
        Recruiting open positions are created in Ashby as Approved openings every 5 minutes and on Sync now;
        filled and closed ones close their opening. The key needs jobsWrite.
      </p>
      <ErrorMessage error={status.error} />
      {settings && (
        <>
          <p>Opening sync is {settings.enabled ? 'on' : 'off'}.</p>
          <div className="field">
            <label htmlFor={`opening-fields-${connectionId}`}>
              Custom fields to publish (comma separated)
            </label>
            <input
              id={`opening-fields-${connectionId}`}
              value={fieldText}
              onChange={(e) => setFields(e.target.value)}
            />
          </div>
          <ErrorMessage error={save.error} />
          <div className="actions">
            <button type="button" disabled={save.isPending} onClick={() => save.mutate(!settings.enabled)}>
              {settings.enabled ? 'Turn opening sync off' : 'Turn opening sync on'}
            </button>
            {settings.enabled && (
              <button type="button" disabled={save.isPending} onClick={() => save.mutate(true)}>
                Save custom fields
              </button>
            )}
            <button
              type="button"
              className="primary"
              disabled={!settings.enabled || sync.isPending}
              onClick={() => sync.mutate()}
            >
              Sync now
            </button>
          </div>
          <ErrorMessage error={sync.error} />
          {sync.data && (
            <p role="status" className="muted">
              Sync queued.
            </p>
          )}
          <h3>Last run</h3>
          {last ? (
            <div aria-live="polite">
              <p>
                {last.status === 'running'
                  ? 'Running since '
                  : `${last.status === 'failed' ? 'Failed' : 'Finished'} `}
                <Time iso={last.finishedAt ?? last.startedAt} />: {last.created} created, {last.updated}{' '}
                updated, {last.closed} closed, {last.failed} failed.
              </p>
              {last.errors.length > 0 && (
                <ul className="error">
                  {last.errors.map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
              )}
            </div>
          ) : (
            <p className="muted">No run yet.</p>
          )}
        </>
      )}
    </section>
  );
}
