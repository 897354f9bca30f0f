import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { AuthCard, TextField } from '../auth/auth-form';
import { useSession, type SessionAnswer } from '../auth/session';
import { ErrorMessage } from '../components/error-message';

interface Invite {
  readonly email: string;
  readonly name: string;
  readonly role: string;
}

/** An invited user sets a password (and may correct their name), then is signed in. */
export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [accepted, setAccepted] = useState(false);
  // Not asked again once accepted: the link is used up then, and the page is on its way out.
  const invite = useApiQuery<Invite>(
    accepted ? undefined : `/api/v1/auth/invites/${encodeURIComponent(token)}`,
  );
  const [name, setName] = useState<string | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Join HireBridge';
  }, []);
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
  const submit = () => {
    setBusy(true);
    setError(null);
    api<SessionAnswer>('/api/v1/auth/invites/accept', {
      method: 'POST',
      body: { token, password, ...(name !== undefined ? { name } : {}) },
    })
      .then((answer) => {
        setAccepted(true);
        signedIn(answer);
        void navigate('/new-hires', { replace: true });
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
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
      error={error}
      busy={busy}
      submitLabel="Join"
      onSubmit={submit}
    >
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        value={name ?? invite.data.name}
        onChange={setName}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        value={password}
        onChange={setPassword}
      />
    </AuthCard>
  );
}
