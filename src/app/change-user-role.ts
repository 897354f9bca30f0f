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
  deps: { readonly accounts: AccountStore },
  input: { userId: string; role: string },
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
    if (previousRole !== role) await data.updateUser(found.user.id, { role });
    return { user: { ...found.user, role }, previousRole };
  });
}
