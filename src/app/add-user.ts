import { AppError } from '../core/errors/app-error.js';
import { USER_ROLES, type User, type UserRole } from '../core/model/user.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { UserStore } from '../core/ports/user-store.js';
import type { Actor } from './actor.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds a HireBridge user (an admin's action). One user per email address, compared without case. */
export async function addUser(
  deps: { readonly users: UserStore; readonly clock: Clock; readonly ids: IdGenerator },
  input: { email: string; name: string; role: string; actor: Actor },
): Promise<User> {
  const email = input.email.trim();
  const name = input.name.trim();
  const problems: { field: string; message: string }[] = [];
  if (!EMAIL.test(email) || email.length > 254)
    problems.push({ field: 'email', message: 'must be an email address' });
  if (name.length === 0 || name.length > 200)
    problems.push({ field: 'name', message: 'must be 1 to 200 characters' });
  if (!(USER_ROLES as readonly string[]).includes(input.role))
    problems.push({ field: 'role', message: `must be one of ${USER_ROLES.join(', ')}` });
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      `Invalid user: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      { details: { problems } },
    );
  }
  const user: User = {
    id: deps.ids.newId(),
    email,
    name,
    role: input.role as UserRole,
    createdAt: deps.clock.now(),
    createdBy: input.actor,
  };
  if (!(await deps.users.insert(user))) {
    const existing = await deps.users.findByEmail(email);
    throw new AppError(
      'conflict',
      `A user with this email already exists (id ${existing?.id ?? 'unknown'})`,
      { details: { userId: existing?.id } },
    );
  }
  return user;
}
