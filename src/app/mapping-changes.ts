import type { MappingSpec } from '../core/mapping/mapping-spec.js';

/** What one mapping save changed, by rule id and custom-target key: names only, fit for the audit log. */
export interface MappingChanges {
  readonly rulesAdded: readonly string[];
  readonly rulesRemoved: readonly string[];
  readonly rulesChanged: readonly string[];
  readonly customTargetsAdded: readonly string[];
  readonly customTargetsRemoved: readonly string[];
  readonly customTargetsChanged: readonly string[];
}

function compare<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string) {
  const old = new Map(before.map((item) => [keyOf(item), JSON.stringify(item)]));
  const now = new Map(after.map((item) => [keyOf(item), JSON.stringify(item)]));
  return {
    added: [...now.keys()].filter((k) => !old.has(k)),
    removed: [...old.keys()].filter((k) => !now.has(k)),
    changed: [...now.keys()].filter((k) => old.has(k) && old.get(k) !== now.get(k)),
  };
}

export function mappingChanges(before: MappingSpec, after: MappingSpec): MappingChanges {
  const rules = compare(before.rules, after.rules, (r) => r.id);
  const targets = compare(before.customTargets, after.customTargets, (t) => t.key);
  return {
    rulesAdded: rules.added,
    rulesRemoved: rules.removed,
    rulesChanged: rules.changed,
    customTargetsAdded: targets.added,
    customTargetsRemoved: targets.removed,
    customTargetsChanged: targets.changed,
  };
}
