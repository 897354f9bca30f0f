import type { InviteUrlResponse } from '../../../../src/contract/people';
import { CopyButton } from '../copy-button';

/**
 * A fresh one-time invite or password-reset link, to send to the person by any channel the admin
 * trusts.
 */
export function InviteLink(props: {
  readonly name: string;
  readonly url: string;
  readonly kind?: 'invite' | 'reset';
  /** For an invite: whether HireBridge emailed the link too. */
  readonly emailed?: InviteUrlResponse['emailed'] | undefined;
}) {
  const reset = props.kind === 'reset';
  return (
    <div role="status" className="success admin-invite-link">
      {props.emailed === 'sent' && (
        <p>The invite was emailed to {props.name}. The link, to copy if needed:</p>
      )}
      {props.emailed === 'failed' && (
        <p>The invite email could not be sent (the mail server refused it); send this link yourself.</p>
      )}
      <p>
        {reset
          ? `Send this password-reset link to ${props.name}; it works once, for 24 hours.`
          : props.emailed === 'sent'
            ? 'It works once, for 7 days.'
            : `Send this link to ${props.name}; it works once, for 7 days.`}
      </p>
      <p className="actions">
        <code>{props.url}</code>{' '}
        <CopyButton value={props.url} label={`${reset ? 'reset' : 'invite'} link for ${props.name}`} />
      </p>
    </div>
  );
}
