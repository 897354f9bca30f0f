import { useState } from 'react';
import type { NotificationPreferencesResponse } from '../../../../src/contract/notification-preferences';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';

const PATH = '/api/v1/me/notification-preferences';

/** How the signed-in user hears about new hires: in the app, by email, mentioned in Slack. */
export function NotificationPreferencesCard() {
  const saved = useApiQuery<NotificationPreferencesResponse>(PATH);
  if (saved.error) return <ErrorMessage error={saved.error} />;
  if (!saved.data) return <p className="muted">Loading…</p>;
  return <PreferencesForm saved={saved.data} />;
}

function PreferencesForm({ saved }: { readonly saved: NotificationPreferencesResponse }) {
  const [inApp, setInApp] = useState(saved.inApp);
  const [email, setEmail] = useState(saved.email);
  const [slack, setSlack] = useState(saved.slackMemberId ?? '');
  const save = useApiMutation<NotificationPreferencesResponse>(
    () => ({ path: PATH, method: 'PUT', body: { inApp, email, slackMemberId: slack.trim() || null } }),
    [PATH],
  );
  return (
    <form
      className="card"
      aria-labelledby="notify-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="notify-title">Notifications</h2>
      <p className="hint">
        How you hear about new hires of the connections that name you as a recipient (admins choose the
        recipients on Users &amp; recipients).
      </p>
      <div className="field">
        <label>
          <input type="checkbox" checked={inApp} onChange={(e) => setInApp(e.target.checked)} /> In the app
          (the bell and Notifications)
        </label>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} /> By email
        </label>
      </div>
      <div className="field">
        <label htmlFor="notify-slack">Slack member id to mention (optional)</label>
        <input
          id="notify-slack"
          value={slack}
          maxLength={32}
          aria-describedby="notify-slack-hint"
          onChange={(e) => setSlack(e.target.value)}
        />
        <p id="notify-slack-hint" className="hint">
          In Slack: your profile → ⋮ → Copy member ID (like U024BE7LH). The connection&apos;s Slack message
          then mentions you.
        </p>
      </div>
      <ErrorMessage error={save.error} />
      {save.isSuccess && (
        <p role="status" className="success">
          Saved.
        </p>
      )}
      <button type="submit" className="primary" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save notification settings'}
      </button>
    </form>
  );
}
