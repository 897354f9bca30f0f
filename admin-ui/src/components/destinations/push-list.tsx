import './destinations.css';
import { Link } from 'react-router';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { PUSH_STATUS_TEXT, type DestinationResponse, type PushResponse } from './types';

/** Pushes with status, error and Retry; `showMember` links each to its member (the Failed pushes view). */
export function PushList(props: {
  readonly pushes: readonly PushResponse[];
  readonly destinations: readonly DestinationResponse[];
  readonly showMember?: boolean;
}) {
  if (props.pushes.length === 0) return <p className="muted">No pushes.</p>;
  const nameOf = (id: string) => props.destinations.find((d) => d.id === id)?.name ?? id;
  return (
    <ul className="push-list">
      {props.pushes.map((p) => (
        <PushItem
          key={`${p.memberId}-${p.destinationId}`}
          push={p}
          destinationName={nameOf(p.destinationId)}
          showMember={props.showMember ?? false}
        />
      ))}
    </ul>
  );
}

function PushItem(props: {
  readonly push: PushResponse;
  readonly destinationName: string;
  readonly showMember: boolean;
}) {
  const p = props.push;
  const retry = useApiMutation<PushResponse>(
    () => ({
      path: `/api/v1/members/${encodeURIComponent(p.memberId)}/pushes/${encodeURIComponent(p.destinationId)}/retry`,
      method: 'POST',
    }),
    ['/api/v1/members', '/api/v1/pushes'],
  );
  return (
    <li className="card">
      <p>
        <strong>{props.destinationName}</strong> ({p.destinationType}): {PUSH_STATUS_TEXT[p.status]}
        {p.attempts > 0 ? `, ${p.attempts} attempt(s)` : ''}
        {props.showMember && (
          <>
            {' '}
            · <Link to={`/members/${encodeURIComponent(p.memberId)}`}>Open member</Link>
          </>
        )}
      </p>
      {p.lastError && <p className="error">{p.lastError}</p>}
      {p.warnings.length > 0 && <p className="hint">{p.warnings.join('; ')}</p>}
      {p.status !== 'pending' && (
        <button type="button" className="small" disabled={retry.isPending} onClick={() => retry.mutate()}>
          Retry push to {props.destinationName}
        </button>
      )}
      <ErrorMessage error={retry.error} />
    </li>
  );
}
