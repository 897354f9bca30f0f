import type { AshbyFieldResponse, MappingTargetResponse } from '../../../../src/contract/mapping';
import {
  customFieldLabel,
  SECTIONS,
  sourceKey,
  sourceLabel,
  suggestFor,
  type MappingProblem,
  type MappingRule,
  type MappingSpec,
} from './mapping-draft';

interface TableProps {
  readonly spec: MappingSpec;
  readonly targets: readonly MappingTargetResponse[];
  readonly fields: readonly AshbyFieldResponse[];
  readonly problems: readonly MappingProblem[];
  readonly onChange: (rule: MappingRule) => void;
  readonly onRemove: (id: string) => void;
}

/** Ashby source → HireBridge field, grouped by the profile section the field lives in. */
export function MappingTable(props: TableProps) {
  return (
    <>
      {SECTIONS.map((section) => {
        const targets = props.targets.filter((t) => t.section === section.key);
        if (targets.length === 0) return null;
        return (
          <table key={section.key} className="admin-mapping-table">
            <caption>{section.label}</caption>
            <thead>
              <tr>
                <th scope="col">Ashby source</th>
                <th scope="col">HireBridge field</th>
                <th scope="col">Mapped</th>
                <th scope="col">Sensitive</th>
                <th scope="col">
                  <span className="admin-sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => {
                const rules = props.spec.rules.filter((r) => r.target === target.key);
                if (rules.length === 0) return <UnmappedRow key={target.key} target={target} />;
                return rules.map((rule) => (
                  <RuleRow
                    key={rule.id}
                    {...props}
                    rule={rule}
                    target={target}
                    locked={target.required && !target.custom && rules.length === 1}
                    ruleProblems={props.problems.filter(
                      (p) => p.ruleId === rule.id || (p.ruleId === null && p.target === target.key),
                    )}
                  />
                ));
              })}
            </tbody>
          </table>
        );
      })}
    </>
  );
}

function UnmappedRow({ target }: { readonly target: MappingTargetResponse }) {
  return (
    <tr className="admin-off-row">
      <td className="muted">Not mapped</td>
      <td>
        <TargetName target={target} custom={target.custom} />
      </td>
      <td className="muted">Off — use Add mapping below</td>
      <td />
      <td />
    </tr>
  );
}

function RuleRow(
  props: TableProps & {
    readonly rule: MappingRule;
    readonly target: MappingTargetResponse;
    readonly locked: boolean;
    readonly ruleProblems: readonly MappingProblem[];
  },
) {
  const { rule, target } = props;
  const customSource = typeof rule.source !== 'string';
  const custom = customSource || target.custom;
  const classes = [custom ? 'admin-custom-row' : '', rule.enabled ? '' : 'admin-off-row'];
  if (props.ruleProblems.length > 0) classes.push('missing');
  return (
    <tr className={classes.filter(Boolean).join(' ') || undefined}>
      <td>
        {typeof rule.source === 'string' ? (
          sourceLabel(rule.source, props.fields)
        ) : (
          <CustomFieldPicker {...props} source={rule.source} />
        )}
      </td>
      <td>
        <TargetName target={target} custom={custom} />
        {props.ruleProblems.map((p) => (
          <p key={p.message} className="admin-row-problem">
            {p.message}
          </p>
        ))}
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={`Map ${target.label}`}
          checked={props.locked ? true : rule.enabled}
          disabled={props.locked}
          onChange={(e) => props.onChange({ ...rule, enabled: e.target.checked })}
        />
        {props.locked && <span className="admin-sr-only"> (required, always mapped)</span>}
      </td>
      <td>
        <SensitiveToggle rule={rule} target={target} onChange={props.onChange} />
      </td>
      <td>
        {!rule.id.startsWith('default.') && (
          <button
            type="button"
            className="small"
            aria-label={`Remove mapping for ${target.label}`}
            onClick={() => props.onRemove(rule.id)}
          >
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}

/**
 * Sealed at rest: Compensation and the personal phone always are; names, emails and the start date stay
 * searchable and never are; any other field is the admin's choice.
 */
function SensitiveToggle(props: {
  readonly rule: MappingRule;
  readonly target: MappingTargetResponse;
  readonly onChange: (rule: MappingRule) => void;
}) {
  const { rule, target } = props;
  const fixed = target.sensitivity !== 'optional';
  const note = target.sensitivity === 'always' ? ' (always sealed)' : ' (stays searchable)';
  return (
    <>
      <input
        type="checkbox"
        aria-label={`${target.label} is sensitive (sealed at rest)`}
        checked={target.sensitivity === 'always' || (!fixed && rule.sensitive === true)}
        disabled={fixed}
        onChange={(e) => props.onChange({ ...rule, sensitive: e.target.checked })}
      />
      {fixed && <span className="admin-sr-only">{note}</span>}
    </>
  );
}

function TargetName(props: { readonly target: MappingTargetResponse; readonly custom: boolean }) {
  return (
    <span className="admin-target">
      {props.target.label}
      {props.target.required && <span className="badge warn">Required</span>}
      {props.custom && <span className="badge custom">custom</span>}
    </span>
  );
}

function CustomFieldPicker(
  props: TableProps & {
    readonly rule: MappingRule;
    readonly target: MappingTargetResponse;
    readonly source: Exclude<MappingRule['source'], string>;
  },
) {
  const usable = props.fields.filter((f) => f.source !== null);
  const current = sourceKey(props.source);
  const known = usable.some((f) => f.source && sourceKey(f.source) === current);
  const id = `source-${props.rule.id}`;
  return (
    <select
      id={id}
      aria-label={`Ashby field for ${props.target.label}`}
      value={current}
      onChange={(e) => {
        const field = usable.find((f) => f.source && sourceKey(f.source) === e.target.value);
        if (!field?.source) return;
        const kind = props.rule.transform?.kind;
        const resettable = kind === undefined || kind === 'selectLabel' || kind === 'join';
        const transform = resettable ? suggestFor(field).transform : props.rule.transform;
        props.onChange({
          id: props.rule.id,
          target: props.rule.target,
          enabled: props.rule.enabled,
          ...(props.rule.sensitive === undefined ? {} : { sensitive: props.rule.sensitive }),
          source: field.source,
          ...(transform ? { transform } : {}),
        });
      }}
    >
      {!known && <option value={current}>{sourceLabel(props.source, props.fields)}</option>}
      {usable.map((f) => (
        <option key={f.id} value={f.source ? sourceKey(f.source) : f.id}>
          {customFieldLabel(f)}
        </option>
      ))}
    </select>
  );
}
