import type {
  AshbyFieldResponse,
  MappingResponse,
  MappingTargetResponse,
} from '../../../../src/contract/mapping';

export type MappingSpec = MappingResponse['mapping'];
export type MappingRule = MappingSpec['rules'][number];
export type CustomTarget = MappingSpec['customTargets'][number];
export type Section = CustomTarget['section'];
export type ValueType = CustomTarget['type'];
export type CustomFieldSource = Exclude<MappingRule['source'], string>;

export const SECTIONS: readonly { readonly key: Section; readonly label: string }[] = [
  { key: 'basics', label: 'Basics' },
  { key: 'jobRole', label: 'Job & role' },
  { key: 'compensation', label: 'Compensation' },
  { key: 'employment', label: 'Employment' },
];

export const VALUE_TYPES: readonly { readonly key: ValueType; readonly label: string }[] = [
  { key: 'string', label: 'Text' },
  { key: 'email', label: 'Email' },
  { key: 'date', label: 'Date' },
  { key: 'number', label: 'Number' },
  { key: 'currency', label: 'Currency code' },
  { key: 'url', label: 'Link (URL)' },
  { key: 'phone', label: 'Phone number' },
  { key: 'person', label: 'Person' },
];

/** The built-in Ashby sources a rule can read (src/core/mapping/builtin-sources.ts), as the UI names them. */
export const BUILTIN_SOURCES: readonly { readonly id: string; readonly label: string }[] = [
  { id: 'candidate.name.first', label: 'Candidate › name (first part)' },
  { id: 'candidate.name.middle', label: 'Candidate › name (middle part)' },
  { id: 'candidate.name.last', label: 'Candidate › name (last part)' },
  { id: 'candidate.name.full', label: 'Candidate › name' },
  { id: 'candidate.personalEmail', label: 'Candidate › personal email' },
  { id: 'candidate.personalPhone', label: 'Candidate › personal phone' },
  { id: 'candidate.linkedIn', label: 'Candidate › LinkedIn link' },
  { id: 'candidate.twitter', label: 'Candidate › Twitter link' },
  { id: 'candidate.github', label: 'Candidate › GitHub link' },
  { id: 'candidate.website', label: 'Candidate › website link' },
  { id: 'offer.startDate', label: 'Offer › start date' },
  { id: 'offer.decidedAt', label: 'Offer › decision date' },
  { id: 'offer.salary.amount', label: 'Offer › salary amount' },
  { id: 'offer.salary.currency', label: 'Offer › salary currency' },
  { id: 'job.title', label: 'Job › title' },
  { id: 'job.department', label: 'Job › department' },
  { id: 'job.location', label: 'Job › location' },
  { id: 'job.employmentType', label: 'Job › employment type' },
  { id: 'application.hiringManager', label: 'Application › hiring manager' },
];

const OBJECT_LABELS: Readonly<Record<string, string>> = {
  candidate: 'Candidate',
  application: 'Application',
  offer: 'Offer',
  job: 'Job',
};

export const sourceKey = (s: CustomFieldSource): string => `${s.customField.object}:${s.customField.fieldId}`;

/** "Offer › Signing bonus" for a custom field, "Offer › start date" for a built-in source. */
export function sourceLabel(source: MappingRule['source'], fields: readonly AshbyFieldResponse[]): string {
  if (typeof source === 'string') return BUILTIN_SOURCES.find((b) => b.id === source)?.label ?? source;
  const field = fields.find((f) => f.source && sourceKey(f.source) === sourceKey(source));
  const object = OBJECT_LABELS[source.customField.object] ?? source.customField.object;
  return `${object} › ${field ? field.title : `custom field ${source.customField.fieldId}`}`;
}

export function customFieldLabel(f: AshbyFieldResponse): string {
  const object = OBJECT_LABELS[f.source?.customField.object ?? ''] ?? f.objectType;
  return `${object} › ${f.title}${f.isArchived ? ' (archived)' : ''}`;
}

/** Targets as the draft defines them: the canonical ones the server lists, then the draft's custom ones. */
export function targetsOf(
  spec: MappingSpec,
  serverTargets: readonly MappingTargetResponse[],
): MappingTargetResponse[] {
  const canonical = serverTargets.filter((t) => !t.custom);
  // A custom target in Compensation is always sealed; others are the admin's choice (the Sensitive box).
  const custom = spec.customTargets.map((t) => {
    const always = t.section === 'compensation';
    return {
      ...t,
      custom: true,
      sensitive: always || t.sensitive === true,
      sensitivity: always ? 'always' : 'optional',
    } as const;
  });
  return [...canonical, ...custom];
}

/** A camelCase key for a new custom target, unique among `taken`. */
export function newTargetKey(label: string, taken: ReadonlySet<string>): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let base = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]?.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  if (!/^[a-z]/.test(base)) base = `custom${base.charAt(0).toUpperCase()}${base.slice(1)}`;
  base = base.slice(0, 56);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${String(n)}`;
  return key;
}

export function newRuleId(targetKey: string, rules: readonly MappingRule[]): string {
  const taken = new Set(rules.map((r) => r.id));
  const base = `custom.${targetKey}`.slice(0, 60);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${String(n)}`;
  return id;
}

/** The type a new custom target gets for an Ashby field, and a transform that reads it sensibly. */
export function suggestFor(field: AshbyFieldResponse | undefined): {
  type: ValueType;
  transform?: Record<string, unknown>;
} {
  switch (field?.fieldType) {
    case 'Date':
      return { type: 'date' };
    case 'Number':
      return { type: 'number' };
    case 'Email':
      return { type: 'email' };
    case 'ValueSelect':
      return { type: 'string', transform: { kind: 'selectLabel' } };
    case 'MultiValueSelect':
      return { type: 'string', transform: { kind: 'join', separator: ', ', use: 'label' } };
    default:
      return { type: 'string' };
  }
}

/** Adds a rule; other enabled rules of the same target are switched off (one source per field). */
export function addRule(spec: MappingSpec, rule: MappingRule, newTarget: CustomTarget | null): MappingSpec {
  return {
    ...spec,
    rules: [
      ...spec.rules.map((r) => (r.target === rule.target && r.enabled ? { ...r, enabled: false } : r)),
      rule,
    ],
    customTargets: newTarget ? [...spec.customTargets, newTarget] : spec.customTargets,
  };
}

export function replaceRule(spec: MappingSpec, rule: MappingRule): MappingSpec {
  return { ...spec, rules: spec.rules.map((r) => (r.id === rule.id ? rule : r)) };
}

/** Removes a rule, and its custom target when no rule fills it any more. */
export function removeRule(spec: MappingSpec, id: string): MappingSpec {
  const rules = spec.rules.filter((r) => r.id !== id);
  const used = new Set(rules.map((r) => r.target));
  return { ...spec, rules, customTargets: spec.customTargets.filter((t) => used.has(t.key)) };
}

/** Per-rule and per-target problems of a 400 validation_failed answer to a save or preview. */
export interface MappingProblem {
  readonly code?: string;
  readonly ruleId: string | null;
  readonly target: string | null;
  readonly message: string;
}

export function problemsOf(details: Readonly<Record<string, unknown>> | undefined): MappingProblem[] {
  const raw = details?.problems;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null) return [];
    const o = p as Record<string, unknown>;
    if (typeof o.message !== 'string') return [];
    return [
      {
        ...(typeof o.code === 'string' ? { code: o.code } : {}),
        ruleId: typeof o.ruleId === 'string' ? o.ruleId : null,
        target: typeof o.target === 'string' ? o.target : null,
        message: o.message,
      },
    ];
  });
}
