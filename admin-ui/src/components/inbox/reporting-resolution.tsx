import { Link } from 'react-router';
import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';

/**
 * How "Reporting to" resolved against the directory: a matched member, or unmatched and why, with a way
 * to choose the manager from the directory instead (while the hire can be edited).
 */
export function ReportingResolution(props: {
  readonly match: NewHireDetailResponse['reportingTo'];
  readonly onChoose?: (() => void) | undefined;
}) {
  const { match } = props;
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
      {props.onChoose && (
        <>
          {' '}
          <button type="button" className="small" onClick={props.onChoose}>
            Choose from the directory
          </button>
        </>
      )}
    </p>
  );
}
