import { Changeable } from './changeable';
import { LoopbackWarning, permissionLabel } from './ashby-names';
import { useState } from 'react';
import { useApiMutation } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { ConnectError } from './ashby-permissions';
import type { ConnectedAnswer } from './types';
import { CONNECTIONS_PATH } from './use-connections';

const DEFAULT_API_URL = 'https://api.ashbyhq.com';

/** First run: paste an Ashby API key; HireBridge checks it permission by permission. */
export function ConnectAshbyForm({ onConnected }: { readonly onConnected: (a: ConnectedAnswer) => void }) {
  const { user } = useSession();
  const [apiKey, setApiKey] = useState('');
  const [apiUrl, setApiUrl] = useState(DEFAULT_API_URL);
  const connect = useApiMutation<ConnectedAnswer>(
    () => ({
      path: '/api/v1/connections/ashby',
      method: 'POST',
      body: {
        apiKey: apiKey.trim(),
        ...(apiUrl.trim() && apiUrl.trim() !== DEFAULT_API_URL ? { apiUrl: apiUrl.trim() } : {}),
        ...(user ? { connectedByUserId: user.id } : {}),
      },
    }),
    [CONNECTIONS_PATH],
  );
  return (
    <form
      className="card"
      aria-labelledby="connect-ashby-title"
      onSubmit={(e) => {
        e.preventDefault();
        connect.mutate(undefined, { onSuccess: onConnected });
      }}
    >
      <Changeable>
        <h2 id="connect-ashby-title">Connect Ashby</h2>
        <p className="hint">
          In Ashby, open Admin › Integrations › API keys and create a key with{' '}
          {permissionLabel('candidatesRead')}, {permissionLabel('offersRead')}, {permissionLabel('jobsRead')},{' '}
          {permissionLabel('organizationRead')} and {permissionLabel('hiringProcessMetadataRead')}. Add{' '}
          {permissionLabel('apiKeysWrite')} and HireBridge creates its webhooks in Ashby for you.
        </p>
        <LoopbackWarning url={window.location.origin} />
        <div className="field">
          <label htmlFor="ashby-api-key">Ashby API key</label>
          <input
            id="ashby-api-key"
            type="password"
            autoComplete="off"
            required
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
          <p className="hint">Stored encrypted; never shown again.</p>
        </div>
        <details className="admin-advanced">
          <summary>Advanced</summary>
          <div className="field">
            <label htmlFor="ashby-api-url">Ashby API URL</label>
            <input id="ashby-api-url" type="url" value={apiUrl} onChange={(e) => setApiUrl(e.target.value)} />
            <p className="hint">Leave as {DEFAULT_API_URL} unless you test against an Ashby simulator.</p>
          </div>
        </details>
        <ConnectError error={connect.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={connect.isPending}>
            {connect.isPending ? 'Checking the key…' : 'Connect'}
          </button>
        </div>
      </Changeable>
    </form>
  );
}
