import { isAppError, type AppError } from '../core/errors/app-error.js';
import type { ErrorCode } from '../core/errors/error-code.js';
import { isCanonicalFieldKey, canonicalField } from '../core/model/new-hire-fields.js';
import type { Actor } from './actor.js';
import { addMember } from './add-member.js';
import { deleteNewHire } from './delete-new-hire.js';
import type { InboxDeps } from './inbox-deps.js';

/** One new hire's outcome in a batch: done, or why not in plain words. */
export type BulkOutcome =
  | { readonly id: string; readonly ok: true; readonly memberId?: string; readonly created?: boolean }
  | { readonly id: string; readonly ok: false; readonly code: ErrorCode; readonly problem: string };

/**
 * Add member for many new hires. Each goes through the single-hire use case in its own transaction, so
 * one hire's problem (a missing field, already a member) neither stops nor undoes the others. The one
 * exception: a destination list that is refused (unknown or disabled) is the request's mistake, not a
 * hire's, so it refuses the whole batch while nothing has been added yet.
 */
export async function bulkAddMembers(
  deps: InboxDeps,
  input: { ids: readonly string[]; actor: Actor; destinations?: readonly string[] },
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const id of unique(input.ids)) {
    try {
      const { member, created } = await addMember(deps, {
        newHireId: id,
        actor: input.actor,
        ...(input.destinations === undefined ? {} : { destinations: input.destinations }),
      });
      outcomes.push({ id, ok: true, memberId: member.id, created });
    } catch (err) {
      if (!isAppError(err)) throw err;
      const anyAdded = outcomes.some((o) => o.ok && o.created);
      if (err.code === 'validation_failed' && !anyAdded) throw err;
      outcomes.push(problemOf(id, err));
    }
  }
  return outcomes;
}

/** Delete new hire for many, each in its own transaction through the single-hire use case. */
export async function bulkDeleteNewHires(
  deps: InboxDeps,
  input: { ids: readonly string[]; actor: Actor },
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const id of unique(input.ids)) {
    try {
      await deleteNewHire(deps, { newHireId: id, actor: input.actor });
      outcomes.push({ id, ok: true });
    } catch (err) {
      // Only expected, classified failures are one hire's problem; anything else (a bug, the database
      // gone) stops the batch and reaches the error handler, which logs it. Hires done so far stay done.
      if (!isAppError(err)) throw err;
      outcomes.push(problemOf(id, err));
    }
  }
  return outcomes;
}

/** The same id twice in a batch is done once (the second would only report "already done"). */
const unique = (ids: readonly string[]) => [...new Set(ids)];

function problemOf(id: string, err: AppError): BulkOutcome {
  return { id, ok: false, code: err.code, problem: plainProblem(err) };
}

/** The single-hire messages, reworded where they name field keys or ask for a next step per hire. */
function plainProblem(err: AppError): string {
  if (err.code === 'not_found') return 'no new hire has this id';
  if (err.code === 'required_fields_missing') {
    const fields = err.details?.['fields'];
    if (Array.isArray(fields) && fields.length > 0)
      return `missing required fields: ${fields.map((key) => fieldLabel(String(key))).join(', ')}`;
  }
  return err.message;
}

function fieldLabel(key: string): string {
  return isCanonicalFieldKey(key) ? canonicalField(key).label.toLowerCase() : key;
}
