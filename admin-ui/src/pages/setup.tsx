import { useState } from 'react';
import { AuthCard, NewPasswordField, TextField, useSignInRequest } from '../auth/auth-form';
import { linkTokenFromLocation } from '../auth/link-token';

/** First run: the one-time link printed by `npm start` opens this page, which creates the first admin. */
export function SetupPage() {
  const [token] = useState(linkTokenFromLocation);
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
