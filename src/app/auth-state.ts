import type { AccountStore } from '../core/ports/account-store.js';

/** What the sign-in page needs before anyone signs in: whether the first admin still has to be created. */
export async function authState(deps: {
  readonly accounts: AccountStore;
}): Promise<{ setupRequired: boolean }> {
  return { setupRequired: !(await deps.accounts.anySignedUp()) };
}
