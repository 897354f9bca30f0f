import { AppError, notFound } from '../core/errors/app-error.js';
import type { FieldResult } from '../core/mapping/evaluate-mapping.js';
import { mappingTargets } from '../core/mapping/target-fields.js';
import { validateFieldValue } from '../core/model/field-value.js';
import type { NewHire } from '../core/model/new-hire.js';
import type { Actor } from './actor.js';
import { diffValues, hasChanges, valuesOf } from './field-diff.js';
import type { InboxDeps } from './inbox-deps.js';
import { missingRequiredOf } from './save-imported-hire.js';

/**
 * A reviewer completes or corrects a new hire. Every value is validated against its field's type
 * (dates, emails, currency codes, amounts); any bad one refuses the whole edit with 422 naming each
 * field, so nothing is half-applied. `null` clears a field, but a required field that holds a value is
 * cleared only when the caller confirms it (`confirmClear` names it): a browser blanks a date or number
 * box it cannot parse, and such a blank must never erase a stored value by accident. Edited fields are
 * remembered: later imports from Ashby no longer overwrite them.
 */
export async function editNewHire(
  deps: InboxDeps,
  input: {
    newHireId: string;
    fields: Readonly<Record<string, unknown>>;
    actor: Actor;
    /** Required fields the person confirmed clearing (others sent as null are refused). */
    confirmClear?: readonly string[];
  },
): Promise<NewHire> {
  const keys = Object.keys(input.fields);
  if (keys.length === 0)
    throw new AppError('validation_failed', 'fields is empty: send at least one field to change');
  // The mapping is read before the transaction (see missingRequiredOf); a new hire never changes connection.
  const known = await deps.inbox.read((data) => data.findNewHire(input.newHireId));
  if (!known) throw notFound('New hire');
  const spec = await deps.mappingFor(known.connectionId);
  return deps.inbox.transaction(async (data) => {
    const hire = await data.findNewHire(input.newHireId);
    if (!hire) throw notFound('New hire');
    if (hire.status !== 'in_review') {
      throw new AppError(
        'conflict',
        `This new hire is ${hire.status === 'added' ? 'already added to the directory' : 'deleted'}; it can no longer be edited`,
      );
    }
    const targets = new Map(mappingTargets(spec).map((t) => [t.key, t]));
    const problems: { field: string; message: string }[] = [];
    const fields: Record<string, FieldResult> = { ...hire.fields };
    for (const key of keys) {
      const target = targets.get(key);
      if (!target) {
        problems.push({ field: key, message: 'is not a field of this new hire' });
        continue;
      }
      const raw = input.fields[key];
      const source = { ruleId: 'edit', description: `Edited by ${input.actor}`, usedDefault: false };
      if (raw === null) {
        const holdsValue = (hire.fields[key]?.value ?? null) !== null;
        if (target.required && holdsValue && !(input.confirmClear ?? []).includes(key)) {
          problems.push({
            field: key,
            message: 'is required: clearing it was not confirmed, so the saved value is kept',
          });
          continue;
        }
        fields[key] = { value: null, source };
        continue;
      }
      const checked = validateFieldValue(target, raw);
      if (checked.ok) fields[key] = { value: checked.value, source };
      else problems.push({ field: key, message: checked.error.message });
    }
    if (problems.length > 0) {
      throw new AppError(
        'invalid_fields',
        `Invalid fields: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
        {
          details: { problems },
        },
      );
    }
    const changes = diffValues(valuesOf(hire.fields), valuesOf(fields), keys);
    if (!hasChanges(changes)) return hire;
    const at = deps.clock.now();
    const missingRequired = missingRequiredOf(spec, fields);
    const editedFields = [...new Set([...hire.editedFields, ...Object.keys(changes)])];
    await data.updateNewHire(hire.id, { fields, missingRequired, editedFields, updatedAt: at });
    await data.addHistory({
      id: deps.ids.newId(),
      newHireId: hire.id,
      at,
      actor: input.actor,
      kind: 'edited',
      changes,
    });
    await data.audit({
      id: deps.ids.newId(),
      at,
      actor: input.actor,
      action: 'new_hire.edit',
      targetType: 'new_hire',
      targetId: hire.id,
      details: { fields: Object.keys(changes) },
    });
    return { ...hire, fields, missingRequired, editedFields, updatedAt: at };
  });
}
