import { actorName } from '../components/actor-name';
import { useApiQuery } from '../api/hooks';
import type { ListAnswer } from '../components/admin/types';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import { Time } from '../components/time';
import './admin.css';

/** GET /api/v1/audit items (src/http/routes/api/audit.ts). */
interface AuditItem {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly details: Readonly<Record<string, unknown>>;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(text).join(', ');
  return JSON.stringify(value);
}

/** Every change a person or token made, newest first. */
export function AuditPage() {
  const audit = useApiQuery<ListAnswer<AuditItem>>('/api/v1/audit?limit=200');
  const items = audit.data?.items ?? [];
  return (
    <Page title="Audit log">
      <div className="admin-page">
        <p className="hint">
          The latest 200 changes, newest first. Entries name ids and fields, never personal values.
        </p>
        {audit.isPending && <p>Loading…</p>}
        <ErrorMessage error={audit.error} />
        {audit.isSuccess && items.length === 0 && (
          <p className="muted">
            Nothing yet. Changes people and API tokens make (connecting Ashby, saving the mapping, adding
            members) appear here.
          </p>
        )}
        {items.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Subject</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td data-label="When">
                    <Time iso={e.at} />
                  </td>
                  <td data-label="Who" title={e.actor}>
                    {actorName(e.actor)}
                  </td>
                  <td data-label="Action">
                    <code>{e.action}</code>
                  </td>
                  <td data-label="Subject">
                    {e.targetType} <code>{e.targetId}</code>
                  </td>
                  <td data-label="Details">
                    {Object.keys(e.details).length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <dl className="admin-details">
                        {Object.entries(e.details).map(([k, v]) => (
                          <div key={k}>
                            <dt>{k}:</dt> <dd>{text(v)}</dd>
                          </div>
                        ))}
                      </dl>
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
