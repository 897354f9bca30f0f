import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ErasureReportResponse, ErasureRequestsResponse } from '../../../../src/contract/erasure';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { ConfirmDialog } from '../confirm-dialog';
import { ErrorMessage } from '../error-message';
import { Time } from '../time';

/**
 * The member page's erasure card (admins): says when Ashby deleted this candidate, and erases the
 * member after a confirmation. What happens next is shown by `ErasureDone` in place of the page.
 */
export function EraseMember(props: {
  readonly memberId: string;
  readonly name: string;
  /** 'requested': shown only when Ashby deleted the candidate (top of the page); 'otherwise': the rest. */
  readonly when: 'requested' | 'otherwise';
  readonly onErased: (report: ErasureReportResponse) => void;
}) {
  const { isAdmin } = useSession();
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const requests = useApiQuery<ErasureRequestsResponse>(isAdmin ? '/api/v1/erasure-requests' : undefined);
  const erase = useApiMutation<ErasureReportResponse>(() => ({
    path: `/api/v1/members/${encodeURIComponent(props.memberId)}/erase`,
    method: 'POST',
    body: { confirm: true },
  }));
  const request = requests.data?.items.find((r) => r.memberId === props.memberId);
  if (!isAdmin || requests.data === undefined) return null;
  if ((request !== undefined) !== (props.when === 'requested')) return null;
  return (
    <section className={request ? 'card notice' : 'card'} aria-labelledby="erase-member-title">
      <h2 id="erase-member-title">{request ? 'Ashby deleted this candidate: erase?' : 'Erase member'}</h2>
      {request ? (
        <p>
          Ashby deleted this candidate on <Time iso={request.requestedAt} />. Erase the member if HireBridge
          should not keep their data either.
        </p>
      ) : (
        <p className="muted">Removes this person&apos;s data and files from HireBridge for good.</p>
      )}
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        Erase member
      </button>
      <ConfirmDialog
        open={open}
        title={`Erase ${props.name}?`}
        confirmLabel="Erase"
        danger
        busy={erase.isPending}
        onCancel={() => {
          erase.reset();
          setOpen(false);
        }}
        onConfirm={() =>
          erase.mutate(undefined, {
            onSuccess: (report) => {
              setOpen(false);
              props.onErased(report);
              void client.invalidateQueries({
                predicate: ({ queryKey: [key] }) =>
                  typeof key === 'string' &&
                  (key.startsWith('/api/v1/members?') ||
                    key.startsWith('/api/v1/erasure-requests') ||
                    key.startsWith('/api/v1/overview')),
              });
            },
          })
        }
      >
        <p>
          {props.name}&apos;s fields, history, documents and files are removed from HireBridge, and the new
          hire record they came from is emptied. This cannot be undone. Destinations that support it are told
          the person was deleted; the others are listed afterwards, to remove the person there by hand.
        </p>
        <ErrorMessage error={erase.error} />
      </ConfirmDialog>
    </section>
  );
}

/** What an erasure did, shown in place of the member page. */
export function ErasureDone(props: { readonly name: string; readonly report: ErasureReportResponse }) {
  const { report } = props;
  return (
    <section className="card" aria-labelledby="erased-title">
      <h2 id="erased-title">{props.name} was erased</h2>
      <p>
        Their data was removed from HireBridge; {report.files} stored{' '}
        {report.files === 1 ? 'file is' : 'files are'} being deleted.
      </p>
      {report.told.length > 0 && (
        <p>Told that the person was deleted: {report.told.map((d) => d.name).join(', ')}.</p>
      )}
      {report.notTold.length > 0 && (
        <>
          <p>Not told (remove the person there by hand):</p>
          <ul>
            {report.notTold.map((d) => (
              <li key={d.destinationId}>
                <strong>{d.name}</strong>: {d.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/members">Back to Members</Link>
      </p>
    </section>
  );
}

/** The Overview's list of members Ashby deleted, waiting for an admin to erase them. */
export function ErasureRequestsCard() {
  const { isAdmin } = useSession();
  const requests = useApiQuery<ErasureRequestsResponse>(isAdmin ? '/api/v1/erasure-requests' : undefined);
  const items = requests.data?.items ?? [];
  if (!isAdmin || items.length === 0) return null;
  return (
    <section className="card overview-alert" aria-labelledby="overview-erasure">
      <h2 id="overview-erasure">Deleted in Ashby: erase?</h2>
      <ul className="admin-plain-list overview-list">
        {items.map((r) => (
          <li key={r.memberId}>
            Ashby deleted this candidate:{' '}
            <Link to={`/members/${encodeURIComponent(r.memberId)}`}>{r.name ?? 'Unnamed member'}</Link>{' '}
            <span className="muted">
              (<Time iso={r.requestedAt} />)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
