import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';
import { AddedNotice, AddMemberButton, type MissingField } from './add-member-button';
import { DeleteNewHireButton } from './delete-new-hire-button';
import { RestoreNewHireButton } from './restore-new-hire-button';

/** What a reviewer can do with the new hire now, or where it went (added, deleted). */
export function NewHireActions(props: {
  readonly hire: NewHireDetailResponse;
  readonly name: string;
  readonly missingLabels: readonly MissingField[];
  readonly mayManage: boolean;
}) {
  const { hire } = props;
  return (
    <section className="card actions-card" aria-labelledby="decision-title">
      <h2 id="decision-title">Decision</h2>
      {hire.status === 'added' ? (
        <AddedNotice memberId={hire.memberId} />
      ) : hire.status === 'deleted' ? (
        <>
          <p role="status" className="notice">
            This new hire was deleted. Its personal data and files were removed, and Ashby will not import the
            application again unless you restore it.
          </p>
          {props.mayManage && <RestoreNewHireButton newHireId={hire.id} />}
        </>
      ) : props.mayManage ? (
        <div className="decision">
          <AddMemberButton hire={hire} missingLabels={props.missingLabels} />
          <DeleteNewHireButton newHireId={hire.id} name={props.name} />
        </div>
      ) : (
        <p className="muted">Only inbox managers and admins can add or delete new hires.</p>
      )}
    </section>
  );
}
