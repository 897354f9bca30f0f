import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { AuthCard, TextField } from '../auth/auth-form';
import { useSession, type SessionAnswer } from '../auth/session';

/** Only same-app paths are followed after sign-in (an open redirect would help phishing). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/new-hires';
}

export function SignInPage() {
  const { user, signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const state = useApiQuery<{ setupRequired: boolean }>('/api/v1/auth/state');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · HireBridge';
  }, []);

  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;
  const submit = () => {
    setBusy(true);
    setError(null);
    api<SessionAnswer>('/api/v1/auth/login', { method: 'POST', body: { email, password } })
      .then((answer) => {
        signedIn(answer);
        void navigate(safeNext(params.get('next')), { replace: true });
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <AuthCard
      title="Sign in"
      error={error}
      busy={busy}
      submitLabel="Sign in"
      onSubmit={submit}
      intro={
        state.data?.setupRequired ? (
          <p className="notice">
            No admin exists yet. Open the setup link that <code>npm start</code> printed, or run{' '}
            <code>npm run hirebridge -- users setup-link</code> for a new one.
          </p>
        ) : undefined
      }
    >
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
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
    </AuthCard>
  );
}
