import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { Actor } from './actor.js';
import { AppError, notFound } from '../core/errors/app-error.js';
import type { User, UserRole } from '../core/model/user.js';
import type { AccountStore } from '../core/ports/account-store.js';
import { refuseProblems, userFieldProblems } from './add-user.js';

/**
 * Gives a user another role (an admin's action); it applies from their next request, since sessions
 * read the role each time. The last admin who can sign in cannot be demoted: nobody could manage
 * users afterwards.
 */
export async function changeUserRole(
  deps: { readonly accounts: AccountStore; readonly clock: Clock; readonly ids: IdGenerator },
  input: { userId: string; role: string; actor: Actor },
): Promise<{ user: User; previousRole: UserRole }> {
  refuseProblems('role change', userFieldProblems({ role: input.role }));
  const role = input.role as UserRole;
  return deps.accounts.transaction(async (data) => {
    const found = await data.findCredentials({ id: input.userId });
    if (!found) throw notFound('User');
    const previousRole = found.user.role;
    if (previousRole === 'admin' && role !== 'admin' && (await data.otherSignedUpAdmins(found.user.id)) === 0)
      throw new AppError(
        'conflict',
        'This is the last admin who can sign in; make another user admin before changing this role',
      );
    if (previousRole !== role) {
      await data.updateUser(found.user.id, { role });
      await data.audit({
        id: deps.ids.newId(),
        at: deps.clock.now(),
        actor: input.actor,
        action: 'user.role',
        targetType: 'user',
        targetId: found.user.id,
        details: { from: previousRole, to: role },
      });
    }
    return { user: { ...found.user, role }, previousRole };
  });
}
