import type { SyncNowResponse } from '../../../../src/contract/backfill-status';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';

/**
 * "Sync hires now": the reconciliation that runs on a timer, at once. It finds hires whose webhooks never
 * arrived (a wrong Secret Token, an outage) and imports them, once each.
 */
export function SyncNow({ connectionId }: { readonly connectionId: string }) {
  const sync = useApiMutation<SyncNowResponse>(
    () => ({ path: `/api/v1/connections/${encodeURIComponent(connectionId)}/sync`, method: 'POST' }),
    ['/api/v1/new-hires', '/api/v1/overview'],
  );
  const result = sync.data;
  return (
    <div className="sync-now">
      <h3>Missed hires</h3>
      <p className="hint">
        HireBridge checks Ashby for hires whose webhooks never arrived every few minutes. Sync hires now
        checks at once.
      </p>
      <div className="actions">
        <button type="button" disabled={sync.isPending} onClick={() => sync.mutate()}>
          {sync.isPending ? 'Checking Ashby…' : 'Sync hires now'}
        </button>
      </div>
      <ErrorMessage error={sync.error} />
      {result && (
        <p role="status" className="success">
          Checked {result.seen} {result.mode === 'full' ? 'applications' : 'changed applications'} in Ashby;{' '}
          {result.hired} hired, {result.queued} {result.queued === 1 ? 'import' : 'imports'} queued.
        </p>
      )}
    </div>
  );
}
