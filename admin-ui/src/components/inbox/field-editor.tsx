import { useState } from 'react';
import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';
import { useApiMutation } from '../../api/hooks';
import { ConfirmDialog } from '../confirm-dialog';
import { ErrorMessage } from '../error-message';
import type { FieldRowSpec } from './field-definitions';
import { editTextOf, inputHintOf, inputModeOf, inputTypeOf, requestValueOf } from './field-input';
import { fieldProblemsOf } from './field-problems';
import { formatValue, isEmptyValue } from './values';

interface Edit {
  readonly value: unknown;
  readonly confirmClear: boolean;
}

/**
 * One field of a new hire being edited: a labelled input of the field's type, Save (PATCH with just this
 * field) and Cancel. A refused value shows the server's reason beside the box and the saved value stays
 * as it was, said in words. Emptying a required field that holds a value asks first.
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
  const [confirming, setConfirming] = useState(false);
  const save = useApiMutation<NewHireDetailResponse, Edit>(
    (edit) => ({
      path: `/api/v1/new-hires/${encodeURIComponent(props.newHireId)}`,
      method: 'PATCH',
      body: { fields: { [row.key]: edit.value }, ...(edit.confirmClear ? { confirmClear: [row.key] } : {}) },
    }),
    ['/api/v1/new-hires', '/api/v1/notifications'],
  );
  const inputId = `edit-${row.key}`;
  const hintId = `${inputId}-hint`;
  const problemId = `${inputId}-problem`;
  const hint = inputHintOf(type);
  const problem = fieldProblemsOf(save.error).get(row.key);
  const describedBy = [hint ? hintId : '', problem ? problemId : ''].filter(Boolean).join(' ');
  const saved = formatValue(props.value);
  const submit = (confirmClear: boolean) =>
    save.mutate({ value: requestValueOf(type, typed), confirmClear }, { onSuccess: props.onDone });
  return (
    <form
      className="field-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const clearing = requestValueOf(type, typed) === null && !isEmptyValue(props.value);
        if (clearing && row.definition?.required) setConfirming(true);
        else submit(false);
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {row.label}
      </label>
      <input
        id={inputId}
        type={inputTypeOf(type)}
        inputMode={inputModeOf(type)}
        value={typed}
        autoFocus
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
          {row.label}: {problem}. {saved ? `The saved value, ${saved}, is kept.` : 'Nothing was saved.'}
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
      <ConfirmDialog
        open={confirming}
        title={`Clear ${row.label}?`}
        confirmLabel="Clear field"
        danger
        busy={save.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          submit(true);
        }}
      >
        <p>
          {row.label} is required: this new hire cannot be added to the directory until it is filled in again.
          The saved value is {saved}.
        </p>
      </ConfirmDialog>
    </form>
  );
}
