import { CopyButton } from '../copy-button';

/** A fresh one-time invite link, to send to the person by any channel the admin trusts. */
export function InviteLink(props: { readonly name: string; readonly url: string }) {
  return (
    <div role="status" className="success admin-invite-link">
      <p>Send this link to {props.name}; it works once, for 7 days.</p>
      <p className="actions">
        <code>{props.url}</code> <CopyButton value={props.url} label={`invite link for ${props.name}`} />
      </p>
    </div>
  );
}
