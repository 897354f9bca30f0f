import { Changeable } from './changeable';
import { useState } from 'react';
import type { AshbyFieldResponse, MappingTargetResponse } from '../../../../src/contract/mapping';
import {
  BUILTIN_SOURCES,
  customFieldLabel,
  newRuleId,
  newTargetKey,
  SECTIONS,
  sourceKey,
  suggestFor,
  VALUE_TYPES,
  type CustomTarget,
  type MappingRule,
  type Section,
  type ValueType,
} from './mapping-draft';

const NEW_TARGET = '__new__';

/** Adds a rule to the draft: an Ashby field into an existing HireBridge field or a new custom one. */
export function AddMappingForm(props: {
  readonly fields: readonly AshbyFieldResponse[];
  readonly targets: readonly MappingTargetResponse[];
  readonly rules: readonly MappingRule[];
  readonly onAdd: (rule: MappingRule, newTarget: CustomTarget | null) => void;
}) {
  const usable = props.fields.filter((f) => f.source !== null && !f.isArchived);
  const [sourceValue, setSourceValue] = useState('');
  const [targetKey, setTargetKey] = useState(NEW_TARGET);
  const [label, setLabel] = useState('');
  const [section, setSection] = useState<Section>('basics');
  const [type, setType] = useState<ValueType>('string');
  const [problem, setProblem] = useState<string | null>(null);

  const fieldOf = (value: string) => usable.find((f) => f.source && `cf:${sourceKey(f.source)}` === value);

  const submit = () => {
    const field = fieldOf(sourceValue);
    const builtin = sourceValue.startsWith('b:') ? sourceValue.slice(2) : null;
    if (!field?.source && !builtin) {
      setProblem('Choose the Ashby field to read.');
      return;
    }
    let target = targetKey;
    let newTarget: CustomTarget | null = null;
    if (targetKey === NEW_TARGET) {
      if (label.trim() === '') {
        setProblem('Give the new HireBridge field a name.');
        return;
      }
      const taken = new Set(props.targets.map((t) => t.key));
      target = newTargetKey(label, taken);
      newTarget = { key: target, label: label.trim(), section, type, required: false };
    }
    const transform = field ? suggestFor(field).transform : undefined;
    const rule: MappingRule = {
      id: newRuleId(target, props.rules),
      source: field?.source ?? builtin ?? '',
      target,
      enabled: true,
      ...(transform ? { transform } : {}),
    };
    props.onAdd(rule, newTarget);
    setProblem(null);
    setSourceValue('');
    setLabel('');
  };

  return (
    <form
      className="card admin-subform"
      aria-labelledby="add-mapping-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Changeable>
        <h2 id="add-mapping-title">Add mapping</h2>
        <p className="hint">
          Bring another Ashby field into new hires. Adding it to a field that already has a source switches
          that source off. Nothing changes until you save the mapping.
        </p>
        <div className="admin-form-row">
          <div className="field">
            <label htmlFor="add-source">Ashby field</label>
            <select
              id="add-source"
              value={sourceValue}
              onChange={(e) => {
                setSourceValue(e.target.value);
                setType(suggestFor(fieldOf(e.target.value)).type);
              }}
            >
              <option value="">Choose…</option>
              <optgroup label="Ashby custom fields">
                {usable.map((f) => (
                  <option key={f.id} value={f.source ? `cf:${sourceKey(f.source)}` : ''}>
                    {customFieldLabel(f)}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Ashby standard fields">
                {BUILTIN_SOURCES.map((b) => (
                  <option key={b.id} value={`b:${b.id}`}>
                    {b.label}
                  </option>
                ))}
              </optgroup>
            </select>
            {usable.length === 0 && (
              <p className="hint">This Ashby account has no custom fields HireBridge can read.</p>
            )}
          </div>
          <div className="field">
            <label htmlFor="add-target">HireBridge field</label>
            <select id="add-target" value={targetKey} onChange={(e) => setTargetKey(e.target.value)}>
              <option value={NEW_TARGET}>New custom field…</option>
              {SECTIONS.map((s) => (
                <optgroup key={s.key} label={s.label}>
                  {props.targets
                    .filter((t) => t.section === s.key)
                    .map((t) => (
                      <option key={t.key} value={t.key}>
                        {t.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
        {targetKey === NEW_TARGET && (
          <div className="admin-form-row">
            <div className="field">
              <label htmlFor="add-label">Field name</label>
              <input id="add-label" value={label} onChange={(e) => setLabel(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="add-section">Section</label>
              <select
                id="add-section"
                value={section}
                onChange={(e) => setSection(e.target.value as Section)}
              >
                {SECTIONS.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="add-type">Type</label>
              <select id="add-type" value={type} onChange={(e) => setType(e.target.value as ValueType)}>
                {VALUE_TYPES.map((t) => (
                  <option key={t.key} value={t.key}>
                    {t.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="submit">Add mapping</button>
        </div>
      </Changeable>
    </form>
  );
}
