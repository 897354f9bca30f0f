import { CopyButton } from '../copy-button';

/**
 * A fresh one-time invite or password-reset link, to send to the person by any channel the admin
 * trusts.
 */
export function InviteLink(props: {
  readonly name: string;
  readonly url: string;
  readonly kind?: 'invite' | 'reset';
}) {
  const reset = props.kind === 'reset';
  return (
    <div role="status" className="success admin-invite-link">
      <p>
        {reset
          ? `Send this password-reset link to ${props.name}; it works once, for 24 hours.`
          : `Send this link to ${props.name}; it works once, for 7 days.`}
      </p>
      <p className="actions">
        <code>{props.url}</code>{' '}
        <CopyButton value={props.url} label={`${reset ? 'reset' : 'invite'} link for ${props.name}`} />
      </p>
    </div>
  );
}
