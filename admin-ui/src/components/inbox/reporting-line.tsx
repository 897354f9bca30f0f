import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { memberName, type MemberDetail } from './member-types';
import { formatValue, isEmptyValue } from './values';

/**
 * Who the member reports to: the manager's profile when "Reporting to" matched a member, otherwise the
 * name as Ashby gave it, marked as not in the directory.
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
        <p>
          Reports to {formatValue(named)} <span className="badge warn">Not in the directory</span>
        </p>
      )}
    </section>
  );
}
