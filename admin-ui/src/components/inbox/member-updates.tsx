import { useApiMutation } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { ErrorMessage } from '../error-message';
import { Time } from '../time';
import { labelOf, type FieldDefinition } from './field-definitions';
import { FieldChange } from './field-change';
import type { MemberDetail, PendingUpdate } from './member-types';

/**
 * Changes Ashby made after the member was added (a new start date, a new offer): each shown as a diff,
 * applied with Accept or dropped with Reject.
 */
export function MemberUpdates(props: {
  readonly memberId: string;
  readonly updates: readonly PendingUpdate[];
  readonly definitions: readonly FieldDefinition[] | undefined;
}) {
  return (
    <section className="card" aria-labelledby="updates-title">
      <h2 id="updates-title">Changes from Ashby</h2>
      {props.updates.length === 0 ? (
        <p className="muted">
          No pending changes. When a hire&apos;s details change in Ashby after they were added, the change
          waits here for you to accept or reject it.
        </p>
      ) : (
        props.updates.map((update) => (
          <UpdateItem
            key={update.id}
            memberId={props.memberId}
            update={update}
            definitions={props.definitions}
          />
        ))
      )}
    </section>
  );
}

function UpdateItem(props: {
  readonly memberId: string;
  readonly update: PendingUpdate;
  readonly definitions: readonly FieldDefinition[] | undefined;
}) {
  const { update } = props;
  const decide = useApiMutation<MemberDetail, 'accept' | 'reject'>(
    (decision) => ({
      path: `/api/v1/members/${encodeURIComponent(props.memberId)}/updates/${encodeURIComponent(update.id)}/${decision}`,
      method: 'POST',
    }),
    ['/api/v1/members'],
  );
  const headingId = `update-${update.id}`;
  // A viewer sees the change; accepting or rejecting it is the inbox managers' (and admins') work.
  const mayManage = useSession().user?.mayManageInbox ?? false;
  return (
    <article className="update" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Changed in Ashby <Time iso={update.createdAt} />
      </h3>
      <ul className="changes">
        {Object.entries(update.changes).map(([key, change]) => (
          <FieldChange key={key} label={labelOf(key, props.definitions)} from={change.from} to={change.to} />
        ))}
      </ul>
      {mayManage && (
        <div className="actions">
          <button
            type="button"
            className="primary small"
            disabled={decide.isPending}
            onClick={() => decide.mutate('accept')}
          >
            Accept
          </button>
          <button
            type="button"
            className="small"
            disabled={decide.isPending}
            onClick={() => decide.mutate('reject')}
          >
            Reject
          </button>
        </div>
      )}
      <ErrorMessage error={decide.error} />
    </article>
  );
}
