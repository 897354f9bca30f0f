import './destinations.css';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { DESTINATIONS_PATH, type DestinationResponse } from './types';

/** Each destination with its status, and Test / Enable or Disable. */
export function DestinationsTable({ items }: { readonly items: readonly DestinationResponse[] }) {
  if (items.length === 0)
    return <p className="muted">No destinations yet: added members stay in HireBridge&apos;s directory.</p>;
  return (
    <div className="destinations-table-wrap">
      <table>
        <caption className="visually-hidden">Destinations</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <DestinationRow key={d.id} destination={d} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DestinationRow({ destination: d }: { readonly destination: DestinationResponse }) {
  const path = `${DESTINATIONS_PATH}/${encodeURIComponent(d.id)}`;
  const test = useApiMutation<{ resumedPushes: number }>(
    () => ({ path: `${path}/test`, method: 'POST' }),
    [DESTINATIONS_PATH, '/api/v1/pushes', '/api/v1/members'],
  );
  const toggle = useApiMutation<DestinationResponse>(
    () => ({ path, method: 'PATCH', body: { enabled: !d.enabled } }),
    [DESTINATIONS_PATH, '/api/v1/pushes', '/api/v1/members'],
  );
  const status =
    d.status === 'credentials_refused' ? 'Credentials refused' : d.enabled ? 'Active' : 'Disabled';
  return (
    <tr>
      <th scope="row">{d.name}</th>
      <td>{d.type}</td>
      <td>
        <span className={d.status === 'credentials_refused' ? 'badge warn' : 'badge'}>{status}</span>
        {d.statusMessage && <p className="hint">{d.statusMessage}</p>}
      </td>
      <td>
        <div className="actions">
          <button type="button" className="small" disabled={test.isPending} onClick={() => test.mutate()}>
            Test {d.name}
          </button>
          <button type="button" className="small" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
            {d.enabled ? 'Disable' : 'Enable'} {d.name}
          </button>
        </div>
        {test.data && (
          <p role="status" className="success">
            {d.name} answered.
            {test.data.resumedPushes > 0 ? ` Resumed ${test.data.resumedPushes} paused push(es).` : ''}
          </p>
        )}
        <ErrorMessage error={test.error ?? toggle.error} />
      </td>
    </tr>
  );
}
