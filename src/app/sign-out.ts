import type { SignInDeps } from './sign-in-deps.js';

/** Ends the session of a cookie: its row is deleted, so the cookie is worthless even if kept. */
export async function signOut(deps: Pick<SignInDeps, 'accounts' | 'secrets'>, cookie: string): Promise<void> {
  await deps.accounts.deleteSession(deps.secrets.hash(cookie));
}
