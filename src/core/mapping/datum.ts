import type { FieldError } from '../model/field-error.js';

/**
 * A value on its way from an Ashby source to a target field: what a source read, after its Ashby shape
 * is understood but before it is converted to the target's type. Transforms map data to data. Kinds
 * follow Ashby's custom-field types, plus `person` (the hiring manager) and `textList` (a multi-value
 * select after a label or lookup transform).
 */
export interface SelectOption {
  /** The stored option value Ashby sends as `value`. */
  readonly value: string;
  /** The option's label: Ashby's `valueLabel`, else the definition's label, else the value itself. */
  readonly label: string;
}

export type Datum =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly number: number }
  | { readonly kind: 'boolean'; readonly flag: boolean }
  /** Always the calendar date (`YYYY-MM-DD`) as written in Ashby's ISO string. */
  | { readonly kind: 'date'; readonly ymd: string }
  | { readonly kind: 'select'; readonly option: SelectOption }
  | { readonly kind: 'multiSelect'; readonly options: readonly SelectOption[] }
  | { readonly kind: 'money'; readonly amount: number; readonly currencyCode: string | null }
  | { readonly kind: 'numberRange'; readonly min: number | null; readonly max: number | null }
  | {
      readonly kind: 'compensationRange';
      readonly min: number | null;
      readonly max: number | null;
      readonly currencyCode: string | null;
      readonly interval: string | null;
    }
  | { readonly kind: 'person'; readonly name: string; readonly email: string | null }
  | { readonly kind: 'textList'; readonly items: readonly string[] };

export type DatumKind = Datum['kind'];

/** The outcome of one step: a value, nothing (absent in Ashby: not an error), or a per-field error. */
export type Step =
  | { readonly status: 'value'; readonly datum: Datum }
  | { readonly status: 'empty' }
  | { readonly status: 'error'; readonly error: FieldError };

export const EMPTY: Step = { status: 'empty' };
export const valueStep = (datum: Datum): Step => ({ status: 'value', datum });
export const errorStep = (error: FieldError): Step => ({ status: 'error', error });
export const textStep = (text: string | null | undefined): Step => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? EMPTY : valueStep({ kind: 'text', text: trimmed });
};

/**
 * The key a lookup table matches for a single value: text as is, numbers in JavaScript's shortest form,
 * booleans as `true`/`false`, dates as `YYYY-MM-DD`, selects by their stored value. `null` for kinds a
 * lookup cannot key on.
 */
export function lookupKeyOf(datum: Datum): string | null {
  switch (datum.kind) {
    case 'text':
      return datum.text;
    case 'number':
      return String(datum.number);
    case 'boolean':
      return datum.flag ? 'true' : 'false';
    case 'date':
      return datum.ymd;
    case 'select':
      return datum.option.value;
    default:
      return null;
  }
}
