import type { MemberResponse } from '../../../../src/contract/inbox';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';

/** "Add member" on a complete new hire's row in the list, without opening the review page. */
export function RowAddMember(props: { readonly newHireId: string; readonly name: string }) {
  const add = useApiMutation<MemberResponse>(
    () => ({ path: `/api/v1/new-hires/${encodeURIComponent(props.newHireId)}/add-member`, method: 'POST' }),
    ['/api/v1/new-hires', '/api/v1/members', '/api/v1/notifications'],
  );
  return (
    <>
      <button
        type="button"
        className="small"
        aria-label={`Add member: ${props.name}`}
        disabled={add.isPending}
        onClick={() => add.mutate()}
      >
        {add.isPending ? 'Adding…' : 'Add member'}
      </button>
      <ErrorMessage error={add.error} />
    </>
  );
}
