import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AuthStateResponse } from '../../../src/contract/auth';
import { api, ApiError } from '../api/client';
import { useApiQuery } from '../api/hooks';
import { AuthCard, NewPasswordField, TextField, useSignInRequest } from '../auth/auth-form';
import { linkTokenFromLocation } from '../auth/link-token';
import { ErrorMessage } from '../components/error-message';
import { useDocumentTitle } from '../components/page';

/**
 * First run: the one-time link printed by `npm start` opens this page, which creates the first admin.
 * Once an admin exists the link is spent, so instead of a form that can only fail the page says so and
 * points to sign-in.
 */
export function SetupPage() {
  // Read (and moved out of an old-style query) before the state arrives, while the address is as opened.
  const [token] = useState(linkTokenFromLocation);
  const state = useApiQuery<AuthStateResponse>('/api/v1/auth/state');
  // Asked once, before the form shows: a used, expired or replaced link gets a page saying so instead.
  const link = useQuery({
    queryKey: ['setup-link', token],
    queryFn: ({ signal }) => api('/api/v1/auth/setup/view', { method: 'POST', body: { token }, signal }),
    enabled: token !== '' && state.data?.setupRequired === true,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (state.isError) return <SetupStateUnknown error={state.error} />;
  if (!state.data) return <p className="loading">Loading…</p>;
  if (!state.data.setupRequired) return <AlreadySetUp />;
  if (link.isError) {
    const done = link.error instanceof ApiError && link.error.details?.['reason'] === 'done';
    return done ? <AlreadySetUp /> : <SetupLinkSpent error={link.error} />;
  }
  if (token !== '' && !link.isSuccess) return <p className="loading">Loading…</p>;
  return <SetupForm token={token} />;
}

function SetupLinkSpent({ error }: { readonly error: unknown }) {
  useDocumentTitle('This setup link cannot be used');
  return (
    <main className="centered">
      <div className="card auth-card">
        <p className="brand">HireBridge</p>
        <h1>This setup link cannot be used</h1>
        <ErrorMessage error={error} />
      </div>
    </main>
  );
}

function AlreadySetUp() {
  useDocumentTitle('HireBridge is already set up');
  return (
    <main className="centered">
      <div className="card auth-card">
        <p className="brand">HireBridge</p>
        <h1>HireBridge is already set up</h1>
        <p>
          This setup link has been used: the first admin exists. Sign in with your account, or ask an admin to
          invite you.
        </p>
        <p>
          <Link to="/sign-in">Go to sign-in</Link>
        </p>
      </div>
    </main>
  );
}

function SetupStateUnknown({ error }: { readonly error: unknown }) {
  useDocumentTitle('Create the first admin');
  return (
    <main className="centered">
      <div className="card auth-card">
        <h1>Create the first admin</h1>
        <ErrorMessage error={error} />
        <p>Reload the page to try again.</p>
      </div>
    </main>
  );
}

function SetupForm({ token }: { readonly token: string }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const request = useSignInRequest('/api/v1/auth/setup');
  const noLink = token ? null : new Error('This page needs the setup link printed by npm start.');
  return (
    <AuthCard
      title="Create the first admin"
      intro={<p>You are the first person here. This account can connect Ashby and invite your team.</p>}
      error={request.error ?? noLink}
      busy={request.busy}
      submitLabel="Create admin account"
      onSubmit={() => request.submit({ token, name, email, password }, '/integrations')}
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
      <NewPasswordField value={password} onChange={setPassword} />
    </AuthCard>
  );
}
