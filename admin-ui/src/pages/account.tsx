import { useState } from 'react';
import { useApiMutation } from '../api/hooks';
import { TextField } from '../auth/auth-form';
import { useSession } from '../auth/session';
import { NotificationPreferencesCard } from '../components/admin/notification-preferences-card';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import './admin.css';

interface PasswordChange {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/**
 * The signed-in user's own account: who they are, a new password (their other sessions end), and how
 * they hear about new hires.
 */
export function AccountPage() {
  const { user } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useApiMutation<unknown, PasswordChange>((body) => ({
    path: '/api/v1/me/password',
    method: 'POST',
    body,
  }));
  return (
    <Page title="Your account">
      <div className="admin-page">
        <p>
          {user?.name} · {user?.email}
        </p>
        <form
          className="card"
          aria-labelledby="password-title"
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate(
              { currentPassword: current, newPassword: next },
              {
                onSuccess: () => {
                  setCurrent('');
                  setNext('');
                },
              },
            );
          }}
        >
          <h2 id="password-title">Change password</h2>
          <p className="hint">You stay signed in here; every other session of yours ends.</p>
          <TextField
            label="Current password"
            name="current-password"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={setCurrent}
          />
          <TextField
            label="New password"
            name="new-password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters."
            value={next}
            onChange={setNext}
          />
          <ErrorMessage error={change.error} />
          {change.isSuccess && (
            <p role="status" className="success">
              Password changed. Your other sessions have ended.
            </p>
          )}
          <button type="submit" className="primary" disabled={change.isPending}>
            {change.isPending ? 'Saving…' : 'Change password'}
          </button>
        </form>
        <NotificationPreferencesCard />
      </div>
    </Page>
  );
}
