import { AppError } from '../core/errors/app-error.js';
import { USER_ROLES, type User, type UserRole } from '../core/model/user.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { UserStore } from '../core/ports/user-store.js';
import type { Actor } from './actor.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** What is wrong with the given user fields (trimmed by the caller); empty when nothing is. */
export function userFieldProblems(fields: { email?: string; name?: string; role?: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { email, name, role } = fields;
  if (email !== undefined && (!EMAIL.test(email) || email.length > 254))
    problems.push({ field: 'email', message: 'must be an email address' });
  if (name !== undefined && (name.length === 0 || name.length > 200))
    problems.push({ field: 'name', message: 'must be 1 to 200 characters' });
  if (role !== undefined && !(USER_ROLES as readonly string[]).includes(role))
    problems.push({ field: 'role', message: `must be one of ${USER_ROLES.join(', ')}` });
  return problems;
}

/** Throws `validation_failed` naming every problem, if there are any. */
export function refuseProblems(what: string, problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError(
    'validation_failed',
    `Invalid ${what}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    { details: { problems } },
  );
}

/** Adds a HireBridge user (an admin's action). One user per email address, compared without case. */
export async function addUser(
  deps: { readonly users: UserStore; readonly clock: Clock; readonly ids: IdGenerator },
  input: { email: string; name: string; role: string; actor: Actor },
): Promise<User> {
  const email = input.email.trim();
  const name = input.name.trim();
  refuseProblems('user', userFieldProblems({ email, name, role: input.role }));
  const user: User = {
    id: deps.ids.newId(),
    email,
    name,
    role: input.role as UserRole,
    createdAt: deps.clock.now(),
    createdBy: input.actor,
    signedUp: false,
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
