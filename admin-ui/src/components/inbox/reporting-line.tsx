import { Link } from 'react-router';
import type { ManagerMatchResponse } from '../../../../src/contract/member-files';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { ErrorMessage } from '../error-message';
import { memberName, type MemberDetail } from './member-types';
import { formatValue, isEmptyValue } from './values';

/**
 * Who the member reports to: the manager's profile when "Reporting to" matched a member, otherwise the
 * name as Ashby gave it, marked as not in the directory, with a one-click match once that person is.
 */
export function ReportingLine({ member }: { readonly member: MemberDetail }) {
  const manager = useApiQuery<MemberDetail>(
    member.managerId ? `/api/v1/members/${encodeURIComponent(member.managerId)}` : undefined,
  );
  const named = member.fields['reportingTo'];
  return (
    <section className="card" aria-labelledby="reporting-title">
      <h2 id="reporting-title">Reporting line</h2>
      {member.managerId ? (
        manager.isPending ? (
          <p className="muted">Loading…</p>
        ) : manager.error ? (
          <ErrorMessage error={manager.error} />
        ) : (
          <p>
            Reports to{' '}
            <Link to={`/members/${encodeURIComponent(member.managerId)}`}>{memberName(manager.data)}</Link>
            {typeof manager.data.fields['jobTitle'] === 'string' && (
              <span className="muted"> ({manager.data.fields['jobTitle']})</span>
            )}
          </p>
        )
      ) : isEmptyValue(named) ? (
        <p className="muted">No manager is recorded for this member.</p>
      ) : (
        <>
          <p>
            Reports to {formatValue(named)} <span className="badge warn">Not in the directory</span>
          </p>
          <ManagerMatch memberId={member.id} />
        </>
      )}
    </section>
  );
}

/** The member Ashby's manager now matches (same email, else the one member with that name), in one click. */
function ManagerMatch({ memberId }: { readonly memberId: string }) {
  const path = `/api/v1/members/${encodeURIComponent(memberId)}`;
  const mayManage = useSession().user?.mayManageInbox ?? false;
  const match = useApiQuery<ManagerMatchResponse>(mayManage ? `${path}/manager-match` : undefined);
  const set = useApiMutation<MemberDetail, string>(
    (managerId) => ({ path, method: 'PATCH', body: { managerId } }),
    ['/api/v1/members'],
  );
  const found = match.data;
  if (!found || found.status !== 'matched') return <ErrorMessage error={match.error} />;
  return (
    <div className="manager-match">
      <p>
        {found.name} is in the directory now (same {found.by}).{' '}
        <button
          type="button"
          className="small primary"
          disabled={set.isPending}
          onClick={() => set.mutate(found.memberId)}
        >
          Set {found.name} as manager
        </button>
      </p>
      <ErrorMessage error={set.error} />
    </div>
  );
}
