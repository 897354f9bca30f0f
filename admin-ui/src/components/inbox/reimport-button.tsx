import type { ReimportResponse } from '../../../../src/contract/mapping';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';

const OUTCOMES: Readonly<Record<ReimportResponse['outcome'], string>> = {
  created: 'Re-imported from Ashby.',
  updated: 'Re-imported from Ashby: the fields were updated.',
  unchanged: 'Re-imported from Ashby: nothing had changed.',
  restored: 'Re-imported from Ashby.',
  pending_member_update: 'Re-imported from Ashby: the changes wait on the member for review.',
  tombstoned: 'Not re-imported: this new hire was deleted.',
};

/** Reads the new hire from Ashby again with the connection's current mapping (reviewer edits are kept). */
export function ReimportButton({ newHireId }: { readonly newHireId: string }) {
  const reimport = useApiMutation<ReimportResponse>(
    () => ({ path: `/api/v1/new-hires/${encodeURIComponent(newHireId)}/reimport`, method: 'POST' }),
    ['/api/v1/new-hires'],
  );
  return (
    <div className="reimport">
      <button type="button" className="small" disabled={reimport.isPending} onClick={() => reimport.mutate()}>
        {reimport.isPending ? 'Re-importing…' : 'Re-import from Ashby'}
      </button>
      {reimport.data && (
        <p role="status" className="hint">
          {OUTCOMES[reimport.data.outcome]}
        </p>
      )}
      <ErrorMessage error={reimport.error} />
    </div>
  );
}
