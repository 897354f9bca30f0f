import { useState } from 'react';
import type { PositionResponse } from '../../../../src/contract/positions';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';

export const POSITIONS_PATH = '/api/v1/positions';

const EMPLOYMENT_TYPES = [
  ['FullTime', 'Full time'],
  ['PartTime', 'Part time'],
  ['Intern', 'Intern'],
  ['Contract', 'Contract'],
  ['Temporary', 'Temporary'],
] as const;

interface Draft {
  title: string;
  department: string;
  location: string;
  employmentType: string;
  targetHireDate: string;
  targetStartDate: string;
  recruiting: boolean;
  requisitionId: string;
  description: string;
  ashbyJobId: string;
  customFields: string;
}

const EMPTY: Draft = {
  title: '',
  department: '',
  location: '',
  employmentType: 'FullTime',
  targetHireDate: '',
  targetStartDate: '',
  recruiting: true,
  requisitionId: '',
  description: '',
  ashbyJobId: '',
  customFields: '',
};

function draftOf(p: PositionResponse): Draft {
  return {
    title: p.title,
    department: p.department ?? '',
    location: p.location ?? '',
    employmentType: p.employmentType,
    targetHireDate: p.targetHireDate ?? '',
    targetStartDate: p.targetStartDate ?? '',
    recruiting: p.recruiting,
    requisitionId: p.requisitionId ?? '',
    description: p.description,
    ashbyJobId: p.ashbyJobId ?? '',
    customFields: Object.entries(p.customFields)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  };
}

/** "Title=value" lines into an object; blank lines are skipped. */
function customFieldsOf(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (line.trim() === '') continue;
    if (at <= 0) fields[line.trim()] = '';
    else fields[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return fields;
}

function bodyOf(d: Draft) {
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    title: d.title.trim(),
    department: orNull(d.department),
    location: orNull(d.location),
    employmentType: d.employmentType,
    targetHireDate: orNull(d.targetHireDate),
    targetStartDate: orNull(d.targetStartDate),
    recruiting: d.recruiting,
    requisitionId: orNull(d.requisitionId),
    description: d.description,
    ashbyJobId: orNull(d.ashbyJobId),
    customFields: customFieldsOf(d.customFields),
  };
}

/** Add a position, or edit one (`editing`); every field is labelled, problems are named by the server. */
export function PositionForm(props: { readonly editing?: PositionResponse; readonly onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(props.editing ? draftOf(props.editing) : EMPTY);
  const editing = props.editing;
  const save = useApiMutation<PositionResponse>(
    () =>
      editing
        ? {
            path: `${POSITIONS_PATH}/${encodeURIComponent(editing.id)}`,
            method: 'PATCH',
            body: bodyOf(draft),
          }
        : { path: POSITIONS_PATH, method: 'POST', body: bodyOf(draft) },
    [POSITIONS_PATH],
  );
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const prefix = editing ? 'edit-position' : 'new-position';
  const text = (key: keyof Draft, label: string, type = 'text', required = false) => (
    <div className="field">
      <label htmlFor={`${prefix}-${key}`}>{label}</label>
      <input
        id={`${prefix}-${key}`}
        type={type}
        required={required}
        value={String(draft[key])}
        onChange={set(key)}
      />
    </div>
  );
  return (
    <form
      className="card"
      aria-labelledby={`${prefix}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined, {
          onSuccess: () => {
            setDraft(EMPTY);
            props.onDone();
          },
        });
      }}
    >
      <h2 id={`${prefix}-heading`}>{editing ? `Edit ${editing.title}` : 'Add position'}</h2>
      <div className="admin-form-row">
        {text('title', 'Title', 'text', true)}
        {text('department', 'Department')}
        {text('location', 'Location')}
        <div className="field">
          <label htmlFor={`${prefix}-employmentType`}>Employment type</label>
          <select
            id={`${prefix}-employmentType`}
            value={draft.employmentType}
            onChange={set('employmentType')}
          >
            {EMPLOYMENT_TYPES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="admin-form-row">
        {text('targetHireDate', 'Target hire date', 'date')}
        {text('targetStartDate', 'Target start date', 'date')}
        {text('requisitionId', 'Requisition id')}
        {text('ashbyJobId', 'Ashby job id')}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-description`}>Description</label>
        <textarea
          id={`${prefix}-description`}
          rows={3}
          value={draft.description}
          onChange={set('description')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-customFields`}>Custom fields (one “Title=value” per line)</label>
        <textarea
          id={`${prefix}-customFields`}
          rows={2}
          value={draft.customFields}
          onChange={set('customFields')}
        />
      </div>
      <div className="admin-check">
        <input
          id={`${prefix}-recruiting`}
          type="checkbox"
          checked={draft.recruiting}
          onChange={(e) => setDraft((d) => ({ ...d, recruiting: e.target.checked }))}
        />
        <label htmlFor={`${prefix}-recruiting`}>Recruiting (publish to Ashby as an opening)</label>
      </div>
      <ErrorMessage error={save.error} />
      <div className="actions">
        {editing && (
          <button type="button" onClick={props.onDone}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={save.isPending}>
          {editing ? 'Save position' : 'Add position'}
        </button>
      </div>
    </form>
  );
}
