import { Changeable } from './changeable';
import { permissionLabel } from './ashby-names';
import { useState } from 'react';
import { useApiMutation } from '../../api/hooks';
import { Time } from '../time';
import { ConnectError, purposeOf } from './ashby-permissions';
import type { ConnectionResponse } from './types';
import { CONNECTIONS_PATH } from './use-connections';
import { WebhookSetup } from './webhook-setup';

/** One Ashby connection: webhook setup, whether Ashby reaches us, the key's permissions, a new key. */
export function ConnectionCard(props: {
  readonly connection: ConnectionResponse;
  readonly secretToken?: string;
}) {
  const c = props.connection;
  return (
    <article className="card" aria-labelledby={`connection-${c.id}`}>
      <header className="admin-card-header">
        <h2 id={`connection-${c.id}`}>{c.name}</h2>
        <span className="muted">
          Connected <Time iso={c.createdAt} /> · {c.apiUrl}
        </span>
      </header>
      <WebhookSetup connection={c} {...(props.secretToken ? { secretToken: props.secretToken } : {})} />
      <h3>Is Ashby reaching HireBridge?</h3>
      <dl className="admin-facts" aria-live="polite">
        <dt>Last ping</dt>
        <dd>
          <Time iso={c.lastPingAt} never="no ping yet" />
        </dd>
        <dt>Last delivery</dt>
        <dd>
          <Time iso={c.lastDeliveryAt} never="no delivery yet" />
        </dd>
      </dl>
      <p className="hint">Refreshed every 10 seconds.</p>
      <Permissions connection={c} />
      <ReconnectForm connectionId={c.id} />
    </article>
  );
}

function Permissions({ connection }: { readonly connection: ConnectionResponse }) {
  const groups = [
    { title: 'Required permissions', items: connection.permissions.required },
    { title: 'Optional permissions', items: connection.permissions.optional },
  ];
  return (
    <div className="grid-2">
      {groups.map((g) => (
        <div key={g.title}>
          <h3>{g.title}</h3>
          <ul className="admin-plain-list">
            {g.items.map((p) => (
              <li key={p.name}>
                <span className={p.granted ? 'badge ok' : 'badge danger'}>
                  {p.granted ? 'granted' : 'missing'}
                </span>{' '}
                <strong>{permissionLabel(p.name)}</strong>{' '}
                <span className="muted">— {purposeOf(p.name, p.purpose)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function ReconnectForm({ connectionId }: { readonly connectionId: string }) {
  const [apiKey, setApiKey] = useState('');
  const reconnect = useApiMutation<ConnectionResponse>(
    () => ({
      path: `/api/v1/connections/${encodeURIComponent(connectionId)}/reconnect`,
      method: 'POST',
      body: { apiKey: apiKey.trim() },
    }),
    [CONNECTIONS_PATH],
  );
  const inputId = `reconnect-key-${connectionId}`;
  return (
    <form
      className="admin-subform"
      onSubmit={(e) => {
        e.preventDefault();
        reconnect.mutate(undefined, { onSuccess: () => setApiKey('') });
      }}
    >
      <Changeable>
        <h3>Reconnect with a new key</h3>
        <p className="hint">
          For a rotated key or one whose owner left Ashby. The connection keeps its webhook URL, Secret Token,
          mapping and history; nothing needs changing in Ashby.
        </p>
        <div className="field">
          <label htmlFor={inputId}>New Ashby API key</label>
          <input
            id={inputId}
            type="password"
            autoComplete="off"
            required
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
        </div>
        <ConnectError error={reconnect.error} />
        {reconnect.isSuccess && (
          <p role="status" className="success">
            Reconnected. The new key is in use; the webhook URL, Secret Token and mapping are unchanged.
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={reconnect.isPending}>
            {reconnect.isPending ? 'Checking the key…' : 'Reconnect'}
          </button>
        </div>
      </Changeable>
    </form>
  );
}
