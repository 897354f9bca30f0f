import { Link } from 'react-router';
import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';

/** How "Reporting to" resolved against the directory: a matched member, or unmatched and why. */
export function ReportingResolution({ match }: { readonly match: NewHireDetailResponse['reportingTo'] }) {
  if (match.status === 'none') return null;
  if (match.status === 'matched') {
    return (
      <p className="hint">
        <span className="badge ok">Matched</span> to a member by {match.by}:{' '}
        <Link to={`/members/${encodeURIComponent(match.memberId)}`}>open the manager&apos;s profile</Link>
      </p>
    );
  }
  return (
    <p className="hint">
      <span className="badge warn">Unmatched</span> {match.reason}
    </p>
  );
}
