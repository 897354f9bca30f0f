import { NEW_HIRE_FIELDS, isCanonicalFieldKey, type FieldDefinition } from '../model/new-hire-fields.js';
import type { CustomTarget, MappingSpec } from './mapping-spec.js';
import { ALWAYS_SENSITIVE_KEYS, sensitiveKeysOf } from './sensitive-fields.js';

export function customTargetField(target: CustomTarget): FieldDefinition {
  const { key, label, section, type, required } = target;
  return { key, label, section, type, required, min: null };
}

/**
 * Every field a new hire imported with this spec can carry: the canonical fields, then the spec's custom
 * targets (a custom target reusing a canonical key, or a key already used, is ignored here: validation
 * refuses such specs, and the engine must not fail on one).
 */
export function mappingTargets(spec: MappingSpec): readonly FieldDefinition[] {
  const sensitive = new Set([...ALWAYS_SENSITIVE_KEYS, ...sensitiveKeysOf(spec)]);
  const fields: FieldDefinition[] = [...NEW_HIRE_FIELDS];
  const seen = new Set<string>(fields.map((f) => f.key));
  for (const target of spec.customTargets) {
    if (isCanonicalFieldKey(target.key) || seen.has(target.key)) continue;
    seen.add(target.key);
    fields.push(customTargetField(target));
  }
  return fields.map((f) => (sensitive.has(f.key) ? { ...f, sensitive: true } : f));
}
