import { useState } from 'react';
import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import type { FieldRowSpec } from './field-definitions';
import { editTextOf, inputHintOf, inputTypeOf, requestValueOf } from './field-input';
import { fieldProblemsOf } from './field-problems';

/**
 * One field of a new hire being edited: a labelled input of the field's type, Save (PATCH with just this
 * field; an empty box clears it) and Cancel. A refused value shows the server's reason beside the box.
 */
export function FieldEditor(props: {
  readonly newHireId: string;
  readonly row: FieldRowSpec;
  readonly value: unknown;
  readonly onDone: () => void;
}) {
  const { row } = props;
  const type = row.definition?.type;
  const [typed, setTyped] = useState(() => editTextOf(props.value));
  const save = useApiMutation<NewHireDetailResponse, unknown>(
    (value) => ({
      path: `/api/v1/new-hires/${encodeURIComponent(props.newHireId)}`,
      method: 'PATCH',
      body: { fields: { [row.key]: value } },
    }),
    ['/api/v1/new-hires', '/api/v1/notifications'],
  );
  const inputId = `edit-${row.key}`;
  const hintId = `${inputId}-hint`;
  const problemId = `${inputId}-problem`;
  const hint = inputHintOf(type);
  const problem = fieldProblemsOf(save.error).get(row.key);
  const describedBy = [hint ? hintId : '', problem ? problemId : ''].filter(Boolean).join(' ');
  return (
    <form
      className="field-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(requestValueOf(type, typed), { onSuccess: props.onDone });
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {row.label}
      </label>
      <input
        id={inputId}
        type={inputTypeOf(type)}
        value={typed}
        autoFocus
        step={type === 'number' ? 'any' : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onDone();
        }}
      />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {problem ? (
        <p id={problemId} role="alert" className="field-problem">
          {row.label}: {problem}
        </p>
      ) : (
        <ErrorMessage error={save.error} />
      )}
      <div className="actions">
        <button type="submit" className="primary small" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="small" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
