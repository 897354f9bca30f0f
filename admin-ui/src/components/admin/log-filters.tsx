import type { ReactNode } from 'react';

/** A text filter of a log page; `suggestions` fill the browser's list under the box. */
export function TextFilter(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  readonly suggestions?: readonly string[];
}) {
  const listId = props.suggestions ? `${props.id}-suggestions` : undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="search"
        value={props.value}
        placeholder={props.placeholder}
        list={listId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.suggestions && (
        <datalist id={listId}>
          {props.suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  );
}

/** From and to days (both included). Filters only choose what is shown, so the date box is fine here. */
export function DayRange(props: {
  readonly idPrefix: string;
  readonly from: string;
  readonly to: string;
  readonly onChange: (range: { from: string; to: string }) => void;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${props.idPrefix}-from`}>From</label>
        <input
          id={`${props.idPrefix}-from`}
          type="date"
          value={props.from}
          onChange={(e) => props.onChange({ from: e.target.value, to: props.to })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${props.idPrefix}-to`}>To</label>
        <input
          id={`${props.idPrefix}-to`}
          type="date"
          value={props.to}
          onChange={(e) => props.onChange({ from: props.from, to: e.target.value })}
        />
      </div>
    </>
  );
}

/** The filter row of a log page: a search form that never submits (each change reads again). */
export function LogFilters(props: { readonly label: string; readonly children: ReactNode }) {
  return (
    <form
      className="admin-form-row admin-log-filters"
      role="search"
      aria-label={props.label}
      onSubmit={(e) => e.preventDefault()}
    >
      {props.children}
    </form>
  );
}

/** The query of a log for its filters: blank ones left out. */
export function filterQuery(filters: Readonly<Record<string, string>>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(filters).map(([k, v]) => [k, v.trim() === '' ? undefined : v.trim()]),
  );
}
