import { useState } from 'react';
import type { ConnectionResponse } from '../../../../src/contract/connections';
import { useApiQuery } from '../../api/hooks';
import type { ListAnswer } from './types';

export const CONNECTIONS_PATH = '/api/v1/connections';

/** The Ashby connections, and which one the page works on (the first unless the admin picks another). */
export function useChosenConnection(options: { refetchIntervalMs?: number } = {}) {
  const query = useApiQuery<ListAnswer<ConnectionResponse>>(CONNECTIONS_PATH, options);
  const [chosenId, setChosenId] = useState<string | undefined>(undefined);
  const items = query.data?.items ?? [];
  const chosen = items.find((c) => c.id === chosenId) ?? items[0];
  return { query, items, chosen, choose: setChosenId };
}

/** "Ashby connection" select; shown once there is one. */
export function ConnectionSelect(props: {
  readonly items: readonly ConnectionResponse[];
  readonly chosenId: string | undefined;
  readonly onChoose: (id: string) => void;
}) {
  if (props.items.length === 0) return null;
  return (
    <div className="field admin-inline-field">
      <label htmlFor="connection-select">Ashby connection</label>
      <select
        id="connection-select"
        value={props.chosenId ?? ''}
        onChange={(e) => props.onChoose(e.target.value)}
      >
        {props.items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.id})
          </option>
        ))}
      </select>
    </div>
  );
}
