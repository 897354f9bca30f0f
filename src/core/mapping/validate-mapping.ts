import { NEW_HIRE_FIELDS, isCanonicalFieldKey, type FieldDefinition } from '../model/new-hire-fields.js';
import { BUILTIN_SOURCES } from './builtin-sources.js';
import { coerceToTarget } from './coerce-to-target.js';
import { targetAccepts, transformOutputKind } from './compatibility.js';
import type { DatumKind } from './datum.js';
import type { MappingProblem, MappingProblemCode } from './mapping-problem.js';
import { isCustomFieldSource, type MappingRule, type MappingSpec } from './mapping-spec.js';
import type { CustomFieldDefinition } from './source-bundle.js';
import { NEVER_SENSITIVE_KEYS } from './sensitive-fields.js';
import { mappingTargets } from './target-fields.js';

export interface MappingValidationContext {
  /** Ashby's custom-field definitions (customField.list). Without them, custom-field ids and types are
   * not checked: a spec can still be validated offline, and the engine reports problems per field. */
  readonly customFieldDefinitions?: readonly CustomFieldDefinition[];
}

/** The value kind each Ashby custom-field type yields. */
const FIELD_TYPE_KINDS = new Map<string, DatumKind>([
  ['Boolean', 'boolean'],
  ['Number', 'number'],
  ['String', 'text'],
  ['LongText', 'text'],
  ['Date', 'date'],
  ['ValueSelect', 'select'],
  ['MultiValueSelect', 'multiSelect'],
  ['Currency', 'money'],
  ['NumberRange', 'numberRange'],
  ['CompensationRange', 'compensationRange'],
]);

const ASHBY_OBJECT_TYPES = {
  candidate: 'Candidate',
  application: 'Application',
  offer: 'Offer',
  job: 'Job',
} as const;

type Report = (
  code: MappingProblemCode,
  ruleId: string | null,
  target: string | null,
  message: string,
) => void;

/** The kind the rule's source yields, `null` when unknown (custom field without a known definition). */
function checkSource(
  rule: MappingRule,
  defs: readonly CustomFieldDefinition[] | undefined,
  report: Report,
): DatumKind | null {
  const { source } = rule;
  if (!isCustomFieldSource(source)) return BUILTIN_SOURCES[source].kind;
  if (defs === undefined) return null;
  const { object, fieldId } = source.customField;
  const def = defs.find((d) => d.id === fieldId);
  if (def === undefined) {
    report(
      'unknown_custom_field',
      rule.id,
      rule.target,
      `rule '${rule.id}': Ashby has no custom field with id '${fieldId}'`,
    );
    return null;
  }
  const expected = ASHBY_OBJECT_TYPES[object];
  if (def.objectType.toLowerCase() !== expected.toLowerCase()) {
    report(
      'custom_field_wrong_object',
      rule.id,
      rule.target,
      `rule '${rule.id}': custom field '${def.title}' belongs to the Ashby ${def.objectType}, not the ${expected}`,
    );
  }
  return FIELD_TYPE_KINDS.get(def.fieldType) ?? null;
}

function checkTransformData(rule: MappingRule, target: FieldDefinition, report: Report): void {
  const t = rule.transform;
  if (t?.kind === 'defaultWhenEmpty') {
    const datum =
      typeof t.value === 'number'
        ? { kind: 'number' as const, number: t.value }
        : { kind: 'text' as const, text: t.value };
    const checked = coerceToTarget(datum, target);
    if (!checked.ok) {
      report(
        'invalid_default',
        rule.id,
        target.key,
        `rule '${rule.id}': the default value is ${checked.error.message}`,
      );
    }
  }
  if (t?.kind === 'lookup') {
    const seen = new Set<string>();
    t.entries.forEach((entry, i) => {
      if (seen.has(entry.from))
        report(
          'invalid_lookup',
          rule.id,
          target.key,
          `rule '${rule.id}': lookup entry ${i + 1} repeats a key`,
        );
      seen.add(entry.from);
      const checked = targetAccepts(target.type, 'text')
        ? coerceToTarget({ kind: 'text', text: entry.to }, target)
        : null;
      if (checked !== null && !checked.ok) {
        report(
          'invalid_lookup',
          rule.id,
          target.key,
          `rule '${rule.id}': lookup entry ${i + 1} gives a value that is ${checked.error.message}`,
        );
      }
    });
  }
}

function checkRule(
  rule: MappingRule,
  target: FieldDefinition | undefined,
  ctx: MappingValidationContext,
  report: Report,
): void {
  if (target === undefined) {
    report(
      'unknown_target',
      rule.id,
      rule.target,
      `rule '${rule.id}': '${rule.target}' is neither a HireBridge field nor a custom target`,
    );
  }
  const sourceKind = checkSource(rule, ctx.customFieldDefinitions, report);
  let kind = sourceKind;
  if (rule.transform !== undefined && sourceKind !== null) {
    kind = transformOutputKind(rule.transform, sourceKind);
    if (kind === null) {
      report(
        'transform_incompatible',
        rule.id,
        rule.target,
        `rule '${rule.id}': the ${rule.transform.kind} transform cannot take a ${sourceKind} value`,
      );
    }
  }
  if (target === undefined) return;
  if (kind !== null && !targetAccepts(target.type, kind)) {
    report(
      'target_incompatible',
      rule.id,
      target.key,
      `rule '${rule.id}': a ${kind} value cannot fill '${target.key}', a ${target.type} field`,
    );
  }
  checkTransformData(rule, target, report);
}

function checkSensitiveFlags(spec: MappingSpec, report: Report): void {
  for (const rule of spec.rules)
    if (rule.sensitive === true && NEVER_SENSITIVE_KEYS.includes(rule.target))
      report(
        'sensitive_not_allowed',
        rule.id,
        rule.target,
        `rule '${rule.id}': '${rule.target}' stays searchable and cannot be marked sensitive`,
      );
}

function checkCustomTargets(spec: MappingSpec, report: Report): void {
  const seen = new Set<string>();
  for (const t of spec.customTargets) {
    if (isCanonicalFieldKey(t.key)) {
      report(
        'custom_target_clash',
        null,
        t.key,
        `custom target '${t.key}' reuses the key of a HireBridge field`,
      );
    } else if (seen.has(t.key)) {
      report('duplicate_custom_target', null, t.key, `custom target '${t.key}' is defined twice`);
    }
    seen.add(t.key);
  }
}

function checkTargetsCovered(spec: MappingSpec, report: Report): void {
  const enabledByTarget = new Map<string, string>();
  for (const rule of spec.rules.filter((r) => r.enabled)) {
    const first = enabledByTarget.get(rule.target);
    if (first === undefined) enabledByTarget.set(rule.target, rule.id);
    else
      report(
        'duplicate_target',
        rule.id,
        rule.target,
        `rule '${rule.id}': rule '${first}' already fills '${rule.target}'`,
      );
  }
  for (const field of NEW_HIRE_FIELDS.filter((f) => f.required)) {
    const rules = spec.rules.filter((r) => r.target === field.key);
    const [firstRule] = rules;
    if (firstRule === undefined) {
      report('required_field_unmapped', null, field.key, `'${field.key}' is required and no rule fills it`);
    } else if (!rules.some((r) => r.enabled)) {
      report(
        'required_field_disabled',
        firstRule.id,
        field.key,
        `rule '${firstRule.id}': '${field.key}' is required and cannot be switched off`,
      );
    }
  }
}

/**
 * Every problem of a parsed spec, named by rule (an empty list means valid). Never stops at the first:
 * an admin editing a mapping should see all of them at once. Shape problems are parseMappingSpec's job.
 */
export function validateMapping(
  spec: MappingSpec,
  context: MappingValidationContext = {},
): readonly MappingProblem[] {
  const problems: MappingProblem[] = [];
  const report: Report = (code, ruleId, target, message) => problems.push({ code, ruleId, target, message });
  checkCustomTargets(spec, report);
  const ids = new Set<string>();
  for (const rule of spec.rules) {
    if (ids.has(rule.id))
      report('duplicate_rule_id', rule.id, rule.target, `rule id '${rule.id}' is used twice`);
    ids.add(rule.id);
  }
  const targets = new Map(mappingTargets(spec).map((t) => [t.key, t]));
  for (const rule of spec.rules) checkRule(rule, targets.get(rule.target), context, report);
  checkTargetsCovered(spec, report);
  checkSensitiveFlags(spec, report);
  return problems;
}
