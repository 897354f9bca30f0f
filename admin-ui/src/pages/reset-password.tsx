import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ResetLinkResponse } from '../../../src/contract/auth';
import { api } from '../api/client';
import { linkTokenFromLocation } from '../auth/link-token';
import { AuthCard, NewPasswordField, useSignInRequest } from '../auth/auth-form';
import { ErrorMessage } from '../components/error-message';
import { useDocumentTitle } from '../components/page';

/**
 * A user opens the password-reset link an admin made for them, chooses a new password and is signed
 * in; their other sessions end.
 */
export function ResetPasswordPage() {
  const [token] = useState(linkTokenFromLocation);
  const [done, setDone] = useState(false);
  // The token goes in a POST body, never in a path a request log keeps. Not asked again once used.
  const link = useQuery({
    queryKey: ['reset-link', token],
    queryFn: ({ signal }) =>
      api<ResetLinkResponse>('/api/v1/auth/resets/view', { method: 'POST', body: { token }, signal }),
    enabled: !done,
    retry: false,
  });
  const [password, setPassword] = useState('');
  const request = useSignInRequest('/api/v1/auth/resets/accept');
  useDocumentTitle('Choose a new password');
  if (link.isError) {
    return (
      <main className="centered">
        <div className="card auth-card">
          <h1>This reset link cannot be used</h1>
          <ErrorMessage error={link.error} />
          <p>Ask an admin for a new password-reset link.</p>
        </div>
      </main>
    );
  }
  if (!link.data) return <p className="loading">Loading…</p>;
  return (
    <AuthCard
      title="Choose a new password"
      intro={
        <p>
          For <strong>{link.data.email}</strong>. You will be signed out everywhere else.
        </p>
      }
      error={request.error}
      busy={request.busy}
      submitLabel="Set password"
      onSubmit={() => request.submit({ token, password }, '/new-hires', () => setDone(true))}
    >
      <NewPasswordField value={password} onChange={setPassword} />
    </AuthCard>
  );
}
