import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { ErrorMessage } from '../components/error-message';
import { useDocumentTitle } from '../components/page';
import { useSession, type SessionAnswer } from './session';

/**
 * Posts a sign-in form (sign-in, first-admin setup, invite acceptance): the answer becomes the session
 * and the app moves to `next`; a refusal is kept in `error` for the card to show.
 */
export function useSignInRequest(path: string) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = (body: unknown, next: string, onAnswer?: () => void) => {
    setBusy(true);
    setError(null);
    api<SessionAnswer>(path, { method: 'POST', body })
      .then((answer) => {
        onAnswer?.();
        signedIn(answer);
        void navigate(next, { replace: true });
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return { error, busy, submit };
}

/** The centered card the sign-in, setup and invite pages share. */
export function AuthCard(props: {
  readonly title: string;
  readonly intro?: ReactNode;
  readonly error: unknown;
  readonly busy: boolean;
  readonly submitLabel: string;
  readonly children: ReactNode;
  readonly onSubmit: () => void;
}) {
  useDocumentTitle(props.title);
  return (
    <main className="centered">
      <form
        className="card auth-card"
        aria-labelledby="auth-title"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <p className="brand">HireBridge</p>
        <h1 id="auth-title">{props.title}</h1>
        {props.intro}
        <ErrorMessage error={props.error} />
        {props.children}
        <button type="submit" className="primary" disabled={props.busy}>
          {props.busy ? 'Please wait…' : props.submitLabel}
        </button>
      </form>
    </main>
  );
}

/** A labelled input; the label is the accessible name tests and screen readers use. */
export function TextField(props: {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly type?: 'text' | 'email' | 'password';
  readonly autoComplete?: string;
  readonly hint?: string;
  readonly required?: boolean;
  readonly onChange: (value: string) => void;
}) {
  const id = `field-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required ?? true}
        autoComplete={props.autoComplete}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** A new password, with the server's rule as the hint (setup and invite acceptance). */
export function NewPasswordField(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <TextField
      label="Password"
      name="password"
      type="password"
      autoComplete="new-password"
      hint="At least 10 characters."
      value={props.value}
      onChange={props.onChange}
    />
  );
}
