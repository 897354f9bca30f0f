import { Changeable } from './changeable';
import { useState } from 'react';
import type { NotificationSettingsResponse } from '../../../../src/contract/people';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import type { AdminUser } from './types';

interface Draft {
  readonly useDefault: boolean;
  readonly recipients: readonly string[];
  readonly slackUrl: string;
  readonly removeSlack: boolean;
}

/** Who hears about a connection's new hires: in the app and by email, and optionally in Slack. */
export function NotificationRecipients(props: {
  readonly connectionId: string;
  readonly connectionName: string;
  readonly users: readonly AdminUser[];
}) {
  const path = `/api/v1/connections/${encodeURIComponent(props.connectionId)}/notification-settings`;
  const saved = useApiQuery<NotificationSettingsResponse>(path);
  const [draft, setDraft] = useState<Draft | null>(null);
  const save = useApiMutation<NotificationSettingsResponse, Draft>(
    (d) => ({
      path,
      method: 'PUT',
      body: {
        recipients: d.useDefault ? null : d.recipients,
        ...(d.removeSlack ? { slackWebhookUrl: null } : {}),
        ...(!d.removeSlack && d.slackUrl.trim() ? { slackWebhookUrl: d.slackUrl.trim() } : {}),
      },
    }),
    [path],
  );
  if (!saved.data) {
    return (
      <section className="card" aria-labelledby="recipients-title">
        <h2 id="recipients-title">Notification recipients</h2>
        {saved.isPending ? <p>Loading…</p> : <ErrorMessage error={saved.error} />}
      </section>
    );
  }
  const s = saved.data;
  const current: Draft = draft ?? {
    useDefault: s.usingDefault,
    recipients: s.recipients.map((r) => r.id),
    slackUrl: '',
    removeSlack: false,
  };
  const edit = (change: Partial<Draft>) => {
    save.reset();
    setDraft({ ...current, ...change });
  };
  const eligible = props.users.filter((u) => u.mayManageInbox);
  const connectedBy = props.users.find((u) => u.id === s.connectedByUserId);
  const slackHint = s.channels.slack
    ? 'A Slack webhook is set; paste a new URL to replace it.'
    : 'No Slack webhook yet: new hires are announced in the app and by email only.';
  return (
    <form
      className="card"
      aria-labelledby="recipients-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(current, { onSuccess: () => setDraft(null) });
      }}
    >
      <Changeable>
        <h2 id="recipients-title">Notification recipients — {props.connectionName}</h2>
        <p className="hint">
          Each new hire from this connection is announced in HireBridge
          {s.channels.email ? ' and by email' : ' (email is off: SMTP_URL is not set)'} to these people. Only
          admins and inbox managers may receive them.
        </p>
        <div className="admin-check">
          <input
            id="recipients-default"
            type="checkbox"
            checked={current.useDefault}
            onChange={(e) => edit({ useDefault: e.target.checked })}
          />
          <label htmlFor="recipients-default">Use the default (the admin who connected Ashby)</label>
        </div>
        <p className="hint admin-indent">
          Today that is{' '}
          {connectedBy
            ? `${connectedBy.name} (${connectedBy.email})`
            : 'nobody known: the connection was made with an API token'}
          .
        </p>
        <fieldset className={current.useDefault ? 'admin-fieldset admin-dimmed' : 'admin-fieldset'}>
          <legend>Recipients</legend>
          {eligible.length === 0 && (
            <p className="muted">No admins or inbox managers yet: invite one above.</p>
          )}
          {eligible.map((u) => {
            const id = `recipient-${u.id}`;
            return (
              <div key={u.id} className="admin-check">
                <input
                  id={id}
                  type="checkbox"
                  checked={current.recipients.includes(u.id)}
                  onChange={(e) =>
                    edit({
                      useDefault: false,
                      recipients: e.target.checked
                        ? [...current.recipients, u.id]
                        : current.recipients.filter((r) => r !== u.id),
                    })
                  }
                />
                <label htmlFor={id}>{u.name}</label>
                <span className="muted"> {u.email}</span>
              </div>
            );
          })}
        </fieldset>
        <div className="field">
          <label htmlFor="slack-url">Slack incoming webhook URL</label>
          <input
            id="slack-url"
            type="url"
            placeholder="https://hooks.slack.com/services/…"
            value={current.slackUrl}
            disabled={current.removeSlack}
            onChange={(e) => edit({ slackUrl: e.target.value })}
          />
          <p className="hint">{slackHint} The URL is stored encrypted and not shown again.</p>
        </div>
        {s.channels.slack && (
          <div className="admin-check">
            <input
              id="slack-remove"
              type="checkbox"
              checked={current.removeSlack}
              onChange={(e) => edit({ removeSlack: e.target.checked })}
            />
            <label htmlFor="slack-remove">Stop posting to Slack</label>
          </div>
        )}
        <ErrorMessage error={save.error} />
        {save.isSuccess && (
          <p role="status" className="success">
            Notification settings saved.
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            Save recipients
          </button>
        </div>
      </Changeable>
    </form>
  );
}
