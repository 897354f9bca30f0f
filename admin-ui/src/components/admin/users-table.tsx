import { useState } from 'react';
import { useApiMutation } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { ErrorMessage } from '../error-message';
import { Time } from '../time';
import { InviteLink } from './invite-link';
import { USERS_PATH } from './invite-user-form';
import type { ResetLinkResponse } from '../../../../src/contract/account-security';
import type { AdminUser, InviteAnswer } from './types';

const ROLE_LABELS = { inbox: 'Inbox manager', admin: 'Admin', viewer: 'Viewer' } as const;

/** Every HireBridge user, with their role (changeable) and whether they have signed up. */
export function UsersTable({ users }: { readonly users: readonly AdminUser[] }) {
  const [link, setLink] = useState<{
    name: string;
    url: string;
    kind: 'invite' | 'reset';
    emailed?: InviteAnswer['emailed'] | undefined;
  } | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (users.length === 0) {
    return <p className="muted">No users yet. Invite the people who review new hires below.</p>;
  }
  return (
    <>
      <table>
        <caption className="admin-sr-only">Users</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Signed up</th>
            <th scope="col">
              <span className="admin-sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow
              key={u.id}
              user={u}
              onLink={(url, kind, emailed) => setLink({ name: u.name, url, kind, emailed })}
              onError={setError}
            />
          ))}
        </tbody>
      </table>
      <ErrorMessage error={error} />
      {link && <InviteLink name={link.name} url={link.url} kind={link.kind} emailed={link.emailed} />}
    </>
  );
}

function UserRow(props: {
  readonly user: AdminUser;
  readonly onLink: (url: string, kind: 'invite' | 'reset', emailed?: InviteAnswer['emailed']) => void;
  readonly onError: (error: unknown) => void;
}) {
  const u = props.user;
  const { user: me, mayChange } = useSession();
  const path = `${USERS_PATH}/${encodeURIComponent(u.id)}`;
  const changeRole = useApiMutation<AdminUser, AdminUser['role']>(
    (role) => ({ path, method: 'PATCH', body: { role } }),
    [USERS_PATH, '/api/v1/connections'],
  );
  const newLink = useApiMutation<InviteAnswer>(
    () => ({ path: `${path}/invite`, method: 'POST' }),
    [USERS_PATH],
  );
  const resetLink = useApiMutation<ResetLinkResponse>(
    () => ({ path: `${path}/reset-link`, method: 'POST' }),
    [USERS_PATH],
  );
  const setActive = useApiMutation<unknown, boolean>(
    (active) => ({ path: `${path}/${active ? 'reactivate' : 'deactivate'}`, method: 'POST' }),
    [USERS_PATH],
  );
  const active = u.active !== false;
  const selectId = `role-${u.id}`;
  return (
    <tr>
      <td>
        {u.name}
        {me?.id === u.id && <span className="muted"> (you)</span>}
      </td>
      <td>{u.email}</td>
      <td>
        <select
          id={selectId}
          aria-label={`Role of ${u.name}`}
          value={u.role}
          disabled={changeRole.isPending || !mayChange}
          onChange={(e) => {
            props.onError(null);
            changeRole.mutate(e.target.value as AdminUser['role'], { onError: props.onError });
          }}
        >
          <option value="inbox">{ROLE_LABELS.inbox}</option>
          <option value="admin">{ROLE_LABELS.admin}</option>
          <option value="viewer">{ROLE_LABELS.viewer}</option>
        </select>
      </td>
      <td>
        {!active ? (
          <span className="badge warn">Deactivated</span>
        ) : u.signedUp ? (
          <span className="badge ok">Signed up</span>
        ) : (
          <span className="badge warn">Invited</span>
        )}{' '}
        <span className="muted">
          added <Time iso={u.createdAt} />
        </span>
      </td>
      <td>
        {mayChange && !u.signedUp && (
          <button
            type="button"
            className="small"
            disabled={newLink.isPending}
            aria-label={`New invite link for ${u.name}`}
            onClick={() => {
              props.onError(null);
              newLink.mutate(undefined, {
                onSuccess: (a) => props.onLink(a.inviteUrl, 'invite', a.emailed),
                onError: props.onError,
              });
            }}
          >
            New invite link
          </button>
        )}
        {mayChange && u.signedUp && active && (
          <button
            type="button"
            className="small"
            disabled={resetLink.isPending}
            aria-label={`Reset password of ${u.name}`}
            onClick={() => {
              props.onError(null);
              resetLink.mutate(undefined, {
                onSuccess: (a) => props.onLink(a.resetUrl, 'reset'),
                onError: props.onError,
              });
            }}
          >
            Reset password
          </button>
        )}{' '}
        {mayChange && me?.id !== u.id && (
          <button
            type="button"
            className="small"
            disabled={setActive.isPending}
            aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${u.name}`}
            onClick={() => {
              props.onError(null);
              setActive.mutate(!active, { onError: props.onError });
            }}
          >
            {active ? 'Deactivate' : 'Reactivate'}
          </button>
        )}
      </td>
    </tr>
  );
}
