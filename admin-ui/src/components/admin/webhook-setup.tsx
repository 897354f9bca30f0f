import { LoopbackWarning } from './ashby-names';
import { useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { CopyButton } from '../copy-button';
import { ErrorMessage } from '../error-message';
import type { ConnectionResponse } from './types';

/** Ashby's names for the webhook types HireBridge uses, as its "Webhook Type" dropdown shows them. */
const WEBHOOK_TYPE_LABELS: Readonly<Record<string, string>> = {
  candidateHire: 'Candidate Hired',
  applicationUpdate: 'Application Updated',
  candidateDelete: 'Candidate Deleted',
  candidateMerge: 'Candidate Merged',
};
const typeLabel = (t: string) => WEBHOOK_TYPE_LABELS[t] ?? t;

/** Request URL, Secret Token and either the webhooks HireBridge made or the steps to make them. */
export function WebhookSetup(props: {
  readonly connection: ConnectionResponse;
  /** The token from the connect answer, while the page that connected is open. */
  readonly secretToken?: string;
}) {
  const c = props.connection;
  const created = c.ashbyWebhooks.filter((w) => w.id !== null);
  const failed = c.ashbyWebhooks.filter((w) => w.id === null);
  return (
    <div>
      <h3>Webhook</h3>
      <dl className="admin-facts">
        <dt>Request URL</dt>
        <dd>
          <code>{c.webhookUrl}</code> <CopyButton value={c.webhookUrl} label="Request URL" />
        </dd>
        <dt>Secret Token</dt>
        <dd>
          <SecretToken connectionId={c.id} given={props.secretToken} />
        </dd>
      </dl>
      <LoopbackWarning url={c.webhookUrl} />
      {created.length > 0 ? (
        <p className="success">
          HireBridge created these webhooks in Ashby for you:{' '}
          {created.map((w) => `${typeLabel(w.webhookType)}${w.enabled ? '' : ' (disabled)'}`).join(', ')}.
        </p>
      ) : (
        <ManualSteps />
      )}
      {failed.length > 0 && created.length > 0 && (
        <div className="notice">
          <p>HireBridge could not create these; add them in Ashby by hand with the URL and token above:</p>
          <ul>
            {failed.map((w) => (
              <li key={w.webhookType}>
                {typeLabel(w.webhookType)}
                {w.error ? `: ${w.error}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function ManualSteps() {
  return (
    <div className="notice">
      <p>Add the webhook in Ashby (your key lacks apiKeysWrite, so HireBridge could not):</p>
      <ol>
        <li>In Ashby, open Admin › Integrations › Webhooks and click New webhook.</li>
        <li>
          Under Webhook Type choose <strong>Candidate Hired</strong>.
        </li>
        <li>Paste the Request URL above into Request URL.</li>
        <li>Paste the Secret Token above into Secret Token.</li>
        <li>Save. Ashby sends a ping; "Last ping" below changes to "just now" when it arrives.</li>
        <li>
          Repeat with Webhook Type <strong>Application Updated</strong>, so changes Ashby makes to a hire
          while it is in review reach the inbox too.
        </li>
        <li>
          Repeat with <strong>Candidate Deleted</strong> and <strong>Candidate Merged</strong>, so HireBridge
          removes candidates Ashby deletes and follows merged ones.
        </li>
      </ol>
    </div>
  );
}

/**
 * The Secret Token, masked. It is read from the server only when the admin asks (Show or Copy): every
 * read is audited, so the page does not fetch it on its own.
 */
function SecretToken(props: { readonly connectionId: string; readonly given: string | undefined }) {
  const { mayChange } = useSession();
  const [shown, setShown] = useState(false);
  const [fetched, setFetched] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  const token = props.given ?? fetched;
  const load = async (): Promise<string> => {
    const answer = await api<{ secretToken: string }>(
      `/api/v1/connections/${encodeURIComponent(props.connectionId)}/webhook-secret`,
    );
    setFetched(answer.secretToken);
    return answer.secretToken;
  };
  const reveal = () => {
    setError(null);
    load().then(
      () => setShown(true),
      (err: unknown) => setError(err),
    );
  };
  const copyUnloaded = () => {
    setError(null);
    load()
      .then((value) => navigator.clipboard.writeText(value))
      .then(
        () => setCopied(true),
        (err: unknown) => setError(err),
      );
  };
  // Shown again to admins only (a viewer reads settings, not secrets): the API refuses anyone else.
  if (!mayChange) return <code>{'•'.repeat(24)}</code>;
  return (
    <>
      <span className="actions">
        <code>{shown && token ? token : '•'.repeat(24)}</code>
        {shown ? (
          <button type="button" className="small" onClick={() => setShown(false)}>
            Hide
          </button>
        ) : (
          <button type="button" className="small" onClick={token ? () => setShown(true) : reveal}>
            Show
          </button>
        )}
        {token ? (
          <CopyButton value={token} label="Secret Token" />
        ) : (
          <button type="button" className="small" aria-label="Copy Secret Token" onClick={copyUnloaded}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        )}
      </span>
      <ErrorMessage error={error} />
    </>
  );
}
