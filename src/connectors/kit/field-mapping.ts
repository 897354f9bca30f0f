import { z } from 'zod';
import type { PushedMember } from '../../core/ports/destination.js';

/**
 * The one field-mapping engine every destination uses: a rule sends the first HireBridge field with a
 * value (`from`) to one field of the system (`target`, the system's own path or custom field id). The
 * rules are data (a preset per connector, or the admin's saved copy in the destination's settings); each
 * connector only says which targets exist and turns the resolved values into its request bodies.
 */
export interface FieldRule {
  target: string;
  /** HireBridge field keys; the first one with a value wins. */
  from: string[];
  /** For list fields (HiBob): the named list whose item id is sent instead of the text. */
  list?: string | undefined;
}

/** A HireBridge field key: canonical (`jobTitle`), `workEmail`, or a custom key defined in the mapping. */
const sourceKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, 'must be a HireBridge field key such as jobTitle');

/**
 * One rule of a system, checked with words an admin understands. `targets` is the system's field path
 * pattern and `example` what the message shows ("a HiBob field path such as work.title").
 */
export function fieldRuleSchema(
  targets: RegExp,
  example: string,
  options: { lists?: boolean } = {},
): z.ZodType<FieldRule> {
  return z.strictObject({
    target: z
      .string()
      .trim()
      .regex(targets, { message: `must be ${example}` }),
    from: z
      .array(sourceKey, { error: 'must be a list of HireBridge field keys' })
      .min(1, 'must name at least one HireBridge field')
      .max(10, 'must name at most 10 HireBridge fields'),
    ...(options.lists
      ? { list: z.string().trim().min(1, 'must name a list').max(100).optional() }
      : {
          list: z.undefined({ error: 'is not supported by this system (it has no named lists)' }).optional(),
        }),
  });
}

export type SourceValue = string | number;

/** A HireBridge value by key; department and location also live on the member itself. */
export function readSource(member: PushedMember, key: string): SourceValue | null {
  if (key === 'department' && member.department) return member.department;
  if (key === 'location' && member.location) return member.location;
  const value = member.fields[key];
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return value.email ?? value.name;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  return value;
}

/** Each rule's value (first `from` with a value), by target; rules with no value are left out. */
export function resolveRules(
  member: PushedMember,
  rules: readonly FieldRule[],
): Map<string, { value: SourceValue; rule: FieldRule }> {
  const values = new Map<string, { value: SourceValue; rule: FieldRule }>();
  for (const rule of rules) {
    for (const key of rule.from) {
      const value = readSource(member, key);
      if (value !== null) {
        values.set(rule.target, { value, rule });
        break;
      }
    }
  }
  return values;
}

/** The resolved values alone, by target. */
export function resolveValues(member: PushedMember, rules: readonly FieldRule[]): Map<string, SourceValue> {
  return new Map([...resolveRules(member, rules)].map(([target, { value }]) => [target, value]));
}

/** Sets `value` at a dotted path inside `target`, making the objects on the way. */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

/** The values under one section (`employee.first_name` -> `{first_name}`), nested by the rest of the path. */
export function sectionBody(
  values: ReadonlyMap<string, SourceValue>,
  section: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [target, value] of values) {
    const [head, ...rest] = target.split('.');
    if (head === section && rest.length > 0) setPath(body, rest, value);
  }
  return body;
}
