import type { FieldResult } from '../core/mapping/evaluate-mapping.js';
import type { FieldValue } from '../core/model/field-value.js';
import type { FieldChanges } from '../core/model/new-hire.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-by-field differences between two sets of values (missing counts as null). */
export function diffValues(
  before: Readonly<Record<string, FieldValue | null>>,
  after: Readonly<Record<string, FieldValue | null>>,
  keys: Iterable<string> = new Set([...Object.keys(before), ...Object.keys(after)]),
): FieldChanges {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of keys) {
    if (!same(before[key], after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

export function valuesOf(fields: Readonly<Record<string, FieldResult>>): Record<string, FieldValue | null> {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.value]));
}

export const hasChanges = (changes: FieldChanges) => Object.keys(changes).length > 0;
