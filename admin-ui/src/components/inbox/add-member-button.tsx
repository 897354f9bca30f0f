import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { DestinationResponse } from '../../../../src/contract/destinations';
import type { MemberResponse } from '../../../../src/contract/inbox';
import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';

export interface MissingField {
  readonly key: string;
  readonly label: string;
}

/**
 * "Add member": disabled while required fields are empty, with the reason next to it; a 409 (the person
 * is already a member) shows the server's message, which names the member.
 */
export function AddMemberButton(props: {
  readonly hire: NewHireDetailResponse;
  /** Required fields still empty, each linked to its row on the review page. */
  readonly missingLabels: readonly MissingField[];
}) {
  const destinations = useApiQuery<{ items: DestinationResponse[] }>('/api/v1/destinations');
  const enabled = (destinations.data?.items ?? []).filter((d) => d.enabled);
  // Every enabled destination is ticked until the reviewer unticks one.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const chosen = enabled.filter((d) => !unticked.has(d.id)).map((d) => d.id);
  const add = useApiMutation<MemberResponse>(
    () => ({
      path: `/api/v1/new-hires/${encodeURIComponent(props.hire.id)}/add-member`,
      method: 'POST',
      body: { destinations: chosen },
    }),
    ['/api/v1/new-hires', '/api/v1/members', '/api/v1/notifications', '/api/v1/pushes'],
  );
  const blocked = props.missingLabels.length > 0;
  if (add.data) return <AddedNotice memberId={add.data.id} />;
  return (
    <div className="add-member">
      {enabled.length > 0 && (
        <fieldset className="destination-choice">
          <legend>Push to</legend>
          {enabled.map((d) => (
            <label key={d.id}>
              <input
                type="checkbox"
                checked={!unticked.has(d.id)}
                onChange={(e) => {
                  const next = new Set(unticked);
                  if (e.target.checked) next.delete(d.id);
                  else next.add(d.id);
                  setUnticked(next);
                }}
              />{' '}
              {d.name}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={destinations.error} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={blocked || add.isPending}
          aria-describedby={blocked ? 'add-member-reason' : undefined}
          onClick={() => add.mutate()}
        >
          {add.isPending ? 'Adding…' : 'Add member'}
        </button>
        {blocked && (
          <p id="add-member-reason" className="hint">
            Fill in the required fields first:{' '}
            {props.missingLabels.map((f, i) => (
              <span key={f.key}>
                {i > 0 && ', '}
                <a href={`#field-${f.key}`}>{f.label}</a>
              </span>
            ))}
          </p>
        )}
      </div>
      <ErrorMessage error={add.error} />
      <ExistingMemberLink error={add.error} />
    </div>
  );
}

/** The new hire is in the directory: say so and link to the member. */
export function AddedNotice({ memberId }: { readonly memberId: string | null }) {
  return (
    <p role="status" className="success">
      Added to the directory.{' '}
      {memberId && (
        <Link to={`/members/${encodeURIComponent(memberId)}`}>Open the member&apos;s profile</Link>
      )}
    </p>
  );
}

/** A 409 names the member this person already is (details.memberId): link to them. */
function ExistingMemberLink({ error }: { readonly error: unknown }) {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const memberId = error.details?.['memberId'];
  if (typeof memberId !== 'string') return null;
  return (
    <p className="hint">
      <Link to={`/members/${encodeURIComponent(memberId)}`}>Open the existing member&apos;s profile</Link>
    </p>
  );
}
