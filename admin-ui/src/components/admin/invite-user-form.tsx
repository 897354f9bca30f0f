import { Changeable } from './changeable';
import { useState } from 'react';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { InviteLink } from './invite-link';
import type { InvitedUser } from './types';

export const USERS_PATH = '/api/v1/users';

/** Invite a person: they get a one-time link to set their password. */
export function InviteUserForm() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'inbox' | 'admin' | 'viewer'>('inbox');
  const invite = useApiMutation<InvitedUser>(
    () => ({ path: USERS_PATH, method: 'POST', body: { name: name.trim(), email: email.trim(), role } }),
    [USERS_PATH],
  );
  return (
    <form
      className="card"
      aria-labelledby="invite-title"
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate(undefined, {
          onSuccess: () => {
            setName('');
            setEmail('');
          },
        });
      }}
    >
      <Changeable>
        <h2 id="invite-title">Invite user</h2>
        <div className="admin-form-row">
          <div className="field">
            <label htmlFor="invite-name">Name</label>
            <input id="invite-name" required value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="invite-email">Email</label>
            <input
              id="invite-email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(roleOf(e.target.value))}>
              <option value="inbox">Inbox manager</option>
              <option value="admin">Admin</option>
              <option value="viewer">Viewer (read only)</option>
            </select>
          </div>
        </div>
        <p className="hint">
          Inbox managers review new hires and can be told about them. Admins also connect Ashby, edit the
          mapping and manage users.
        </p>
        <ErrorMessage error={invite.error} />
        {invite.data && (
          <InviteLink name={invite.data.name} url={invite.data.inviteUrl} emailed={invite.data.emailed} />
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={invite.isPending}>
            Invite user
          </button>
        </div>
      </Changeable>
    </form>
  );
}

const roleOf = (value: string): 'inbox' | 'admin' | 'viewer' =>
  value === 'admin' || value === 'viewer' ? value : 'inbox';
