import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useApiQuery } from '../api/hooks';
import { AuthCard, TextField, useSignInRequest } from '../auth/auth-form';
import { useSession } from '../auth/session';

/** Only same-app paths are followed after sign-in (an open redirect would help phishing). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const state = useApiQuery<{ setupRequired: boolean }>('/api/v1/auth/state');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const request = useSignInRequest('/api/v1/auth/login');

  const next = safeNext(params.get('next'));
  if (user) return <Navigate to={next} replace />;
  return (
    <AuthCard
      title="Sign in"
      error={request.error}
      busy={request.busy}
      submitLabel="Sign in"
      onSubmit={() => request.submit({ email, password }, next)}
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
