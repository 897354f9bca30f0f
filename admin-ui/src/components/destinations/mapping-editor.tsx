import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import type { DestinationMappingResponse, MappingRuleResponse } from './types';

/** A rule as the form edits it: the HireBridge fields as typed text ("workEmail, personalEmail"). */
interface DraftRule {
  readonly key: string;
  readonly target: string;
  readonly from: string;
  readonly list: string;
}

let added = 0;
const toDraft = (r: MappingRuleResponse, index: number): DraftRule => ({
  key: `saved-${index}`,
  target: r.target,
  from: r.from.join(', '),
  list: r.list ?? '',
});
const toRule = (d: DraftRule) => ({
  target: d.target.trim(),
  from: d.from
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
  ...(d.list.trim() ? { list: d.list.trim() } : {}),
});

/**
 * The destination's field mapping: which HireBridge field goes to which field of the system, custom
 * fields by the system's id. Rules are added, changed and removed here and saved together; the server
 * checks each against the system's targets and names a bad one.
 */
export function MappingEditor({
  destinationId,
  name,
}: {
  readonly destinationId: string;
  readonly name: string;
}) {
  const path = `/api/v1/destinations/${encodeURIComponent(destinationId)}/mapping`;
  const read = useApiQuery<DestinationMappingResponse>(path);
  // The admin's edits; null shows the saved rules (again after a save).
  const [draft, setDraft] = useState<readonly DraftRule[] | null>(null);
  const rules = draft ?? (read.data?.rules ?? []).map(toDraft);
  const dirty = draft !== null;
  const setRules = (next: readonly DraftRule[]) => setDraft(next);
  const save = useApiMutation<DestinationMappingResponse, { reset: boolean }>(
    ({ reset }) => ({ path, method: 'PUT', body: { rules: reset ? null : rules.map(toRule) } }),
    [path],
  );
  const lists = (read.data?.preset ?? []).some((r) => r.list !== undefined);
  const listId = `source-fields-${destinationId}`;
  const change = (key: string, patch: Partial<DraftRule>) =>
    setRules(rules.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const saveAs = (reset: boolean) => save.mutate({ reset }, { onSuccess: () => setDraft(null) });
  return (
    <form
      className="card destination-mapping"
      aria-labelledby="destination-mapping-title"
      onSubmit={(e) => {
        e.preventDefault();
        saveAs(false);
      }}
    >
      <h2 id="destination-mapping-title">Field mapping of {name}</h2>
      <ErrorMessage error={read.error} />
      {read.data && (
        <p className="hint">
          {read.data.isPreset ? 'The preset is in use. ' : 'Your own mapping is in use. '}
          Each rule sends the first HireBridge field with a value to a field of {name}: {read.data.targets}.
        </p>
      )}
      <datalist id={listId}>
        {(read.data?.sourceFields ?? []).map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </datalist>
      <ol className="mapping-rules">
        {rules.map((rule, index) => (
          <li key={rule.key}>
            <fieldset className="mapping-rule">
              <legend>Rule {index + 1}</legend>
              <div className="field">
                <label htmlFor={`rule-${rule.key}-target`}>Target</label>
                <input
                  id={`rule-${rule.key}-target`}
                  required
                  value={rule.target}
                  onChange={(e) => change(rule.key, { target: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`rule-${rule.key}-from`}>HireBridge fields</label>
                <input
                  id={`rule-${rule.key}-from`}
                  required
                  list={listId}
                  aria-describedby={`rule-${rule.key}-from-hint`}
                  value={rule.from}
                  onChange={(e) => change(rule.key, { from: e.target.value })}
                />
                <span id={`rule-${rule.key}-from-hint`} className="hint">
                  Comma-separated; the first with a value is sent.
                </span>
              </div>
              {lists && (
                <div className="field">
                  <label htmlFor={`rule-${rule.key}-list`}>List (optional)</label>
                  <input
                    id={`rule-${rule.key}-list`}
                    value={rule.list}
                    onChange={(e) => change(rule.key, { list: e.target.value })}
                  />
                </div>
              )}
              <button
                type="button"
                className="small"
                onClick={() => setRules(rules.filter((r) => r.key !== rule.key))}
              >
                Remove rule {index + 1}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <ErrorMessage error={save.error} />
      {save.isSuccess && !dirty && (
        <p role="status" className="success">
          {save.data.isPreset ? `The preset mapping of ${name} is in use.` : `Mapping of ${name} saved.`}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          onClick={() => setRules([...rules, { key: `added-${added++}`, target: '', from: '', list: '' }])}
        >
          Add rule
        </button>
        <button
          type="button"
          disabled={save.isPending || read.data?.isPreset === true}
          onClick={() => saveAs(true)}
        >
          Reset to preset
        </button>
        <button type="submit" className="primary" disabled={save.isPending || !dirty || rules.length === 0}>
          {save.isPending ? 'Saving…' : 'Save mapping'}
        </button>
      </div>
    </form>
  );
}
