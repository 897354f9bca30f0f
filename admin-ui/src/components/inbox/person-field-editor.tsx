import { useState } from 'react';
import type { MemberResponse } from '../../../../src/contract/inbox';
import type { NewHireDetailResponse } from '../../../../src/contract/new-hires';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { requestValueOf } from './field-input';
import { fieldProblemsOf } from './field-problems';
import { MemberCombobox, memberEmail } from './member-combobox';
import { memberName } from './member-types';
import { formatValue } from './values';

/**
 * A person field ("Reporting to") on the review page, chosen from the directory by typing. A chosen member is saved as
 * their name and email, which the server matches back to that member; a person not in the directory can
 * still be typed as "Dana Smith <dana@example.com>". Emptying the box and saving clears the field.
 */
export function PersonFieldEditor(props: {
  readonly newHireId: string;
  readonly fieldKey: string;
  readonly label: string;
  readonly value: unknown;
  readonly onDone: () => void;
}) {
  const [typed, setTyped] = useState(() => personName(props.value));
  const [chosen, setChosen] = useState<MemberResponse | null>(null);
  const save = useApiMutation<NewHireDetailResponse, unknown>(
    (value) => ({
      path: `/api/v1/new-hires/${encodeURIComponent(props.newHireId)}`,
      method: 'PATCH',
      body: { fields: { [props.fieldKey]: value } },
    }),
    ['/api/v1/new-hires', '/api/v1/notifications'],
  );
  const inputId = `edit-${props.fieldKey}`;
  const hintId = `${inputId}-hint`;
  const problem = fieldProblemsOf(save.error).get(props.fieldKey);
  const saved = formatValue(props.value);
  // Unchanged text keeps the stored email too (the box shows only the name).
  const unchanged = chosen === null && typed === personName(props.value);
  return (
    <form
      className="field-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (unchanged) return props.onDone();
        const value = chosen
          ? { name: memberName(chosen), email: memberEmail(chosen) }
          : requestValueOf('person', typed);
        save.mutate(value, { onSuccess: props.onDone });
      }}
    >
      <MemberCombobox
        id={inputId}
        label={props.label}
        hideLabel
        initialText={typed}
        describedBy={problem ? `${hintId} ${inputId}-problem` : hintId}
        invalid={problem !== undefined}
        autoFocus
        onChange={({ text, member }) => {
          setTyped(text);
          setChosen(member);
        }}
        onEscapeEmpty={props.onDone}
      />
      <p id={hintId} className="hint">
        Type a name or email to search the directory. Someone not in it: Dana Smith &lt;dana@example.com&gt;.
        Empty the box to clear the field.
      </p>
      {problem ? (
        <p id={`${inputId}-problem`} role="alert" className="field-problem">
          {props.label}: {problem}. {saved ? `The saved value, ${saved}, is kept.` : 'Nothing was saved.'}
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

function personName(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string')
    return value.name;
  return typeof value === 'string' ? value : '';
}
