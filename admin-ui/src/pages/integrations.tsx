import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { BackfillCard } from '../components/admin/backfill-card';
import { ConnectAshbyForm } from '../components/admin/connect-ashby-form';
import { ConnectionCard } from '../components/admin/connection-card';
import { OpeningSyncCard } from '../components/admin/opening-sync-card';
import type { ConnectedAnswer } from '../components/admin/types';
import { useChosenConnection } from '../components/admin/use-connections';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import './admin.css';

/** Ashby connections: connect, see whether Ashby reaches HireBridge, rotate the key. */
export function IntegrationsPage() {
  const { mayChange } = useSession();
  const { query, items } = useChosenConnection({ refetchIntervalMs: 10_000 });
  const [connected, setConnected] = useState<ConnectedAnswer | null>(null);
  return (
    <Page title="Integrations">
      <div className="admin-page">
        {query.isPending && <p>Loading…</p>}
        <ErrorMessage error={query.error} />
        {connected && (
          <p role="status" className="success">
            Connected to Ashby. Copy the Secret Token now if you add the webhook by hand; HireBridge keeps it
            encrypted.
          </p>
        )}
        {query.isSuccess &&
          items.length === 0 &&
          (mayChange ? (
            <ConnectAshbyForm onConnected={setConnected} />
          ) : (
            <p className="muted">Ashby is not connected yet.</p>
          ))}
        {items.map((c) => (
          <div key={c.id}>
            <ConnectionCard
              connection={c}
              {...(connected?.id === c.id ? { secretToken: connected.secretToken } : {})}
            />
            <BackfillCard connectionId={c.id} />
            <OpeningSyncCard connectionId={c.id} />
          </div>
        ))}
        {items.length > 0 && (
          <p className="hint">
            Next: check the <Link to="/mapping">field mapping</Link> and choose who is told about new hires on{' '}
            <Link to="/users">Users &amp; recipients</Link>.
          </p>
        )}
      </div>
    </Page>
  );
}
