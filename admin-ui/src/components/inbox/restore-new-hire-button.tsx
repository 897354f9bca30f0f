import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';

/**
 * Brings a deleted new hire back: HireBridge reads the application from Ashby again, so the hire
 * returns to review with current data (the personal data removed on delete comes back from Ashby).
 */
export function RestoreNewHireButton({ newHireId }: { readonly newHireId: string }) {
  const restore = useApiMutation<{ restored: boolean }>(
    () => ({ path: `/api/v1/new-hires/${encodeURIComponent(newHireId)}/restore`, method: 'POST' }),
    ['/api/v1/new-hires'],
  );
  return (
    <>
      <div className="decision">
        <button
          type="button"
          disabled={restore.isPending || restore.isSuccess}
          onClick={() => restore.mutate()}
        >
          Restore new hire
        </button>
      </div>
      <ErrorMessage error={restore.error} />
      {restore.isSuccess && (
        <p role="status" className="success">
          Restored. HireBridge is reading the hire from Ashby again; it is back in review in a moment.
        </p>
      )}
    </>
  );
}
