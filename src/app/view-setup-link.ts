import { inviteState } from '../core/auth/invite.js';
import { AppError } from '../core/errors/app-error.js';
import type { SignInDeps } from './sign-in-deps.js';

const NEW_LINK = 'run "npx hirebridge users setup-link" on the server for a new one';

/**
 * Whether a setup link can still create the first admin, so the setup page shows a form only when it
 * can work: once setup is done (`conflict`, reason `done`), a used or expired link (`conflict`, reason
 * `used` or `expired`) and an unknown or replaced one (`not_found`) each get their own message instead.
 */
export async function viewSetupLink(
  deps: Pick<SignInDeps, 'accounts' | 'secrets' | 'clock'>,
  token: string,
): Promise<void> {
  if (await deps.accounts.anySignedUp())
    throw new AppError('conflict', 'HireBridge is already set up: sign in, or ask an admin to invite you', {
      details: { reason: 'done' },
    });
  const link = await deps.accounts.findInvite(deps.secrets.hash(token));
  if (link?.purpose !== 'setup')
    throw new AppError('not_found', `This setup link is unknown or was replaced by a newer one; ${NEW_LINK}`);
  const state = inviteState(link, deps.clock.now());
  if (state !== 'valid')
    throw new AppError(
      'conflict',
      `This setup link ${state === 'used' ? 'was used' : 'has expired'}; ${NEW_LINK}`,
      {
        details: { reason: state },
      },
    );
}
