import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { AuthCard, TextField } from '../auth/auth-form';
import { useSession, type SessionAnswer } from '../auth/session';

/** First run: the one-time link printed by `npm start` opens this page, which creates the first admin. */
export function SetupPage() {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(
    token ? null : new Error('This page needs the setup link printed by npm start.'),
  );
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Set up HireBridge';
  }, []);
  const submit = () => {
    setBusy(true);
    setError(null);
    api<SessionAnswer>('/api/v1/auth/setup', { method: 'POST', body: { token, name, email, password } })
      .then((answer) => {
        signedIn(answer);
        void navigate('/integrations', { replace: true });
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <AuthCard
      title="Create the first admin"
      intro={<p>You are the first person here. This account can connect Ashby and invite your team.</p>}
      error={error}
      busy={busy}
      submitLabel="Create admin account"
      onSubmit={submit}
    >
      <TextField label="Your name" name="name" autoComplete="name" value={name} onChange={setName} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
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
