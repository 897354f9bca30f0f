import { useCombobox } from 'downshift';
import { useState } from 'react';
import type { MemberResponse } from '../../../../src/contract/inbox';
import { withQuery } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { memberName } from './member-types';
import { useDebounced } from './use-debounced';

const SHOWN = 10;
const EDITED = useCombobox.stateChangeTypes.InputChange;
const CLEARED = useCombobox.stateChangeTypes.InputKeyDownEscape;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** The email a member is known by: work first (what colleagues use), else personal. */
export function memberEmail(member: Pick<MemberResponse, 'fields'>): string | null {
  return text(member.fields['workEmail']) ?? text(member.fields['personalEmail']) ?? null;
}

/**
 * Choosing a member from the directory by typing (an ARIA 1.2 combobox by downshift: label,
 * aria-expanded, Up/Down to move, Enter to choose, Escape to close then clear). What is typed queries the
 * members search API once typing pauses; each option shows the title and email, so two people with one
 * name can be told apart. `onChange` reports the text and the member chosen (null once the text is
 * edited after choosing).
 */
export function MemberCombobox(props: {
  readonly id: string;
  readonly label: string;
  /** The label is there for screen readers only (a table row already shows it). */
  readonly hideLabel?: boolean;
  readonly initialText: string;
  /** A member who may not be chosen (a member cannot report to themselves). */
  readonly excludeId?: string;
  readonly describedBy?: string;
  readonly invalid?: boolean;
  readonly autoFocus?: boolean;
  readonly onChange: (state: { readonly text: string; readonly member: MemberResponse | null }) => void;
  readonly onEscapeEmpty?: () => void;
}) {
  const [inputValue, setInputValue] = useState(props.initialText);
  const query = useDebounced(inputValue.trim(), 250);
  const found = useApiQuery<{ items: MemberResponse[] }>(
    query ? withQuery('/api/v1/members', { q: query, limit: SHOWN + 1 }) : undefined,
  );
  const items = (found.data?.items ?? []).filter((m) => m.id !== props.excludeId).slice(0, SHOWN);
  const combobox = useCombobox<MemberResponse>({
    id: props.id,
    inputId: props.id,
    items,
    inputValue,
    itemToString: (m) => (m ? memberName(m) : ''),
    onInputValueChange: ({ inputValue: next, type }) => {
      setInputValue(next);
      // Typing (or Escape clearing the box) undoes a choice; choosing writes the name in, reported below.
      if (type === EDITED || type === CLEARED) props.onChange({ text: next, member: null });
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) props.onChange({ text: memberName(selectedItem), member: selectedItem });
    },
  });
  const waiting = query !== '' && (found.isFetching || query !== inputValue.trim());
  const statusText =
    !combobox.isOpen || query === ''
      ? ''
      : waiting
        ? 'Searching the directory…'
        : items.length === 0
          ? 'No member matches.'
          : `${String(items.length)} ${items.length === 1 ? 'member matches' : 'members match'}.`;
  const open = combobox.isOpen && items.length > 0;
  return (
    <div className="member-combobox">
      <label {...combobox.getLabelProps({ className: props.hideLabel ? 'visually-hidden' : undefined })}>
        {props.label}
      </label>
      <div className="combobox-box">
        <input
          {...combobox.getInputProps({
            type: 'text',
            autoComplete: 'off',
            maxLength: 300,
            autoFocus: props.autoFocus,
            'aria-describedby': [props.describedBy, `${props.id}-status`].filter(Boolean).join(' '),
            'aria-invalid': props.invalid ? true : undefined,
            onKeyDown: (e) => {
              if (e.key === 'Escape' && !combobox.isOpen && inputValue === '') props.onEscapeEmpty?.();
            },
          })}
        />
        <ul
          {...combobox.getMenuProps({ hidden: !open }, { suppressRefError: true })}
          className="member-options"
        >
          {open &&
            items.map((member, index) => (
              <li
                key={member.id}
                className={combobox.highlightedIndex === index ? 'highlighted' : undefined}
                {...combobox.getItemProps({ item: member, index })}
              >
                <span>{memberName(member)}</span>
                <span className="muted option-detail">
                  {[text(member.fields['jobTitle']), memberEmail(member)].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
        </ul>
      </div>
      <p id={`${props.id}-status`} className="hint member-status" aria-live="polite">
        {statusText}
      </p>
      <ErrorMessage error={found.error} />
    </div>
  );
}
