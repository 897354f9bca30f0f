import type { ReimportResponse } from '../../../../src/contract/mapping';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';

/**
 * "Revert to Ashby's value" for a field a reviewer edited: the server reads the hire from Ashby again and
 * the field takes Ashby's current value (recorded in the history like any change from Ashby).
 */
export function RevertFieldButton(props: {
  readonly newHireId: string;
  readonly fieldKey: string;
  readonly label: string;
}) {
  const revert = useApiMutation<ReimportResponse>(
    () => ({
      path: `/api/v1/new-hires/${encodeURIComponent(props.newHireId)}/revert`,
      method: 'POST',
      body: { fields: [props.fieldKey] },
    }),
    ['/api/v1/new-hires'],
  );
  return (
    <>
      <button
        type="button"
        className="small"
        aria-label={`Revert to Ashby's value (${props.label})`}
        disabled={revert.isPending}
        onClick={() => revert.mutate()}
      >
        {revert.isPending ? 'Reverting…' : "Revert to Ashby's value"}
      </button>
      <ErrorMessage error={revert.error} />
    </>
  );
}
