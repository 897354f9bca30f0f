import type { FieldError } from '../model/field-error.js';
import type { FieldValue } from '../model/field-value.js';
import type { FieldDefinition } from '../model/new-hire-fields.js';
import { applyTransform } from './apply-transform.js';
import { coerceToTarget } from './coerce-to-target.js';
import { valueStep, type Step } from './datum.js';
import type { MappingRule, MappingSpec } from './mapping-spec.js';
import { describeSource, readSource } from './read-source.js';
import type { CustomFieldDefinition, SourceBundle } from './source-bundle.js';
import { mappingTargets } from './target-fields.js';

/** Where a field's value came from, shown beside it in the inbox. */
export interface FieldProvenance {
  readonly ruleId: string;
  /** "Ashby offer › start date", "Ashby candidate custom field 'T-shirt size'". No personal data. */
  readonly description: string;
  /** True when Ashby had no value and the rule's defaultWhenEmpty constant was used. */
  readonly usedDefault: boolean;
}

export interface FieldResult {
  /** `null` when Ashby had nothing (no error) or the value could not be converted (with `error`). */
  readonly value: FieldValue | null;
  readonly source: FieldProvenance;
  readonly error?: FieldError;
}

export interface MappingResult {
  /** One entry per target with an enabled rule; a switched-off optional field is simply absent. */
  readonly fields: Readonly<Record<string, FieldResult>>;
  /** Required targets (canonical and custom) without a value, in catalog order then custom order. */
  readonly missingRequired: readonly string[];
}

function run(
  rule: MappingRule,
  target: FieldDefinition,
  bundle: SourceBundle,
  defs: readonly CustomFieldDefinition[],
): FieldResult {
  const description = describeSource(rule.source, bundle, defs);
  let step: Step = readSource(rule.source, bundle, defs);
  let usedDefault = false;
  const transform = rule.transform;
  if (transform?.kind === 'defaultWhenEmpty' && step.status === 'empty') {
    const constant = transform.value;
    step = valueStep(
      typeof constant === 'number' ? { kind: 'number', number: constant } : { kind: 'text', text: constant },
    );
    usedDefault = true;
  } else if (transform !== undefined && step.status === 'value') {
    step = applyTransform(transform, step.datum);
  }
  const source: FieldProvenance = {
    ruleId: rule.id,
    description: usedDefault ? `${description} (empty in Ashby: default value used)` : description,
    usedDefault,
  };
  if (step.status === 'empty') return { value: null, source };
  if (step.status === 'error') return { value: null, source, error: step.error };
  const checked = coerceToTarget(step.datum, target);
  return checked.ok ? { value: checked.value, source } : { value: null, source, error: checked.error };
}

/**
 * Runs a mapping spec over one hire's Ashby data. Pure: same inputs, same output, no I/O, no clock.
 * Never throws on odd data: every problem with a value becomes that field's `error`, and a required field
 * left without a value is listed in `missingRequired`. Meant for validated specs, but an invalid one
 * still evaluates: rules with an unknown target are skipped and the first enabled rule of a target wins.
 */
export function evaluateMapping(
  spec: MappingSpec,
  bundle: SourceBundle,
  definitions: readonly CustomFieldDefinition[],
): MappingResult {
  const targets = mappingTargets(spec);
  const byKey = new Map(targets.map((t) => [t.key, t]));
  const entries: [string, FieldResult][] = [];
  const filled = new Set<string>();
  for (const rule of spec.rules) {
    const target = byKey.get(rule.target);
    if (!rule.enabled || target === undefined || filled.has(target.key)) continue;
    filled.add(target.key);
    entries.push([target.key, run(rule, target, bundle, definitions)]);
  }
  // fromEntries defines own properties, so even a key like "constructor" is plain data.
  const fields: Record<string, FieldResult> = Object.fromEntries(entries);
  const missingRequired = targets
    .filter(
      (t) => t.required && (Object.hasOwn(fields, t.key) ? (fields[t.key]?.value ?? null) : null) === null,
    )
    .map((t) => t.key);
  return { fields, missingRequired };
}
