import { Link } from 'react-router';
import type { MemberHistoryResponse } from '../../../../src/contract/member-files';
import { useApiQuery } from '../../api/hooks';
import { actorName } from '../actor-name';
import { ErrorMessage } from '../error-message';
import { Time } from '../time';
import { FieldChange } from './field-change';

const KIND_TEXT: Readonly<Record<MemberHistoryResponse['items'][number]['kind'], string>> = {
  edited: 'Edited',
  archived: 'Archived',
  offboarded: 'Offboarded',
  reactivated: 'Made active again',
};

/** The words people read for the keys a member edit stores. */
const LABELS: Readonly<Record<string, string>> = {
  workEmail: 'Work email',
  employeeId: 'Employee id',
  jobTitle: 'Job title',
  department: 'Department',
  location: 'Location',
  managerId: 'Reports to',
  employmentStatus: 'Status',
  employmentEndDate: 'End date',
};

/** A manager in a change: the member's name linked to their page, never the id. */
function Manager({ id, names }: { readonly id: unknown; readonly names: MemberHistoryResponse['names'] }) {
  if (typeof id !== 'string') return <span className="muted">(nobody)</span>;
  const name = names[id];
  return name === undefined ? (
    <span className="muted">(a member since deleted)</span>
  ) : (
    <Link to={`/members/${encodeURIComponent(id)}`}>{name}</Link>
  );
}

/** What people changed on a member, newest first: who, when, and each field from what to what. */
export function MemberHistory({ memberId }: { readonly memberId: string }) {
  const history = useApiQuery<MemberHistoryResponse>(
    `/api/v1/members/${encodeURIComponent(memberId)}/history`,
  );
  if (history.error) return <ErrorMessage error={history.error} />;
  const items = history.data?.items ?? [];
  const names = history.data?.names ?? {};
  if (items.length === 0) return <p className="muted">No changes made in the directory yet.</p>;
  return (
    <ul className="admin-plain-list member-history">
      {items.map((entry) => (
        <li key={entry.id}>
          <strong>{KIND_TEXT[entry.kind]}</strong> by {actorName(entry.actor)}, <Time iso={entry.at} />
          <ul className="changes">
            {Object.entries(entry.changes).map(([key, change]) =>
              key === 'managerId' ? (
                <li key={key} className="field-change">
                  <span className="change-label">Reports to:</span>{' '}
                  <del className="diff-old">
                    <Manager id={change.from} names={names} />
                  </del>{' '}
                  <span aria-hidden="true">→</span> <span className="visually-hidden">changed to</span>{' '}
                  <ins className="diff-new">
                    <Manager id={change.to} names={names} />
                  </ins>
                </li>
              ) : (
                <FieldChange
                  key={key}
                  label={LABELS[key] ?? key}
                  from={change.from}
                  to={change.to}
                  type={key === 'employmentEndDate' ? 'date' : undefined}
                />
              ),
            )}
          </ul>
        </li>
      ))}
    </ul>
  );
}
