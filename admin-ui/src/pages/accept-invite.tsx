import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { linkTokenFromLocation } from '../auth/link-token';
import { AuthCard, NewPasswordField, TextField, useSignInRequest } from '../auth/auth-form';
import { ErrorMessage } from '../components/error-message';
import { useDocumentTitle } from '../components/page';

interface Invite {
  readonly email: string;
  readonly name: string;
  readonly role: string;
}

/** An invited user sets a password (and may correct their name), then is signed in. */
export function AcceptInvitePage() {
  const [token] = useState(linkTokenFromLocation);
  const [accepted, setAccepted] = useState(false);
  // The token goes in a POST body, never in a path a request log keeps. Not asked again once
  // accepted: the link is used up then, and the page is on its way out.
  const invite = useQuery({
    queryKey: ['invite', token],
    queryFn: ({ signal }) =>
      api<Invite>('/api/v1/auth/invites/view', { method: 'POST', body: { token }, signal }),
    enabled: !accepted,
    retry: false,
  });
  const [name, setName] = useState<string | undefined>(undefined);
  const [password, setPassword] = useState('');
  const request = useSignInRequest('/api/v1/auth/invites/accept');
  useDocumentTitle('Join HireBridge');
  if (invite.isError) {
    return (
      <main className="centered">
        <div className="card auth-card">
          <h1>This invitation cannot be used</h1>
          <ErrorMessage error={invite.error} />
          <p>Ask an admin for a new invitation link.</p>
        </div>
      </main>
    );
  }
  if (!invite.data) return <p className="loading">Loading…</p>;
  return (
    <AuthCard
      title="Join HireBridge"
      intro={
        <p>
          You were invited as <strong>{invite.data.email}</strong> (
          {invite.data.role === 'inbox' ? 'inbox manager' : invite.data.role}
          ). Choose a password to finish.
        </p>
      }
      error={request.error}
      busy={request.busy}
      submitLabel="Join"
      onSubmit={() =>
        request.submit(
          { token, password, ...(name !== undefined ? { name } : {}) },
          '/new-hires',
          // The link is used up now: its page must not ask for it again on the way out.
          () => setAccepted(true),
        )
      }
    >
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        value={name ?? invite.data.name}
        onChange={setName}
      />
      <NewPasswordField value={password} onChange={setPassword} />
    </AuthCard>
  );
}
