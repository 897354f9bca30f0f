import { calendarDateOf } from '../model/calendar-date.js';
import { fieldError } from '../model/field-error.js';
import { EMPTY, errorStep, valueStep, type SelectOption, type Step } from './datum.js';
import type { CustomFieldObject } from './mapping-spec.js';
import type { CustomFieldDefinition, CustomFieldValue, SourceBundle } from './source-bundle.js';

/**
 * Reads one Ashby custom field into a Datum. Ashby's `value` is polymorphic and arrives from JSON, so
 * every shape is checked at run time, whatever the static type says; a shape we do not recognise is a
 * per-field error, never a guess. The definition (when known) disambiguates strings: a Date field's
 * ISO text becomes a date, a ValueSelect's text a select whose option must exist.
 */

const ISO_DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]|$)/;

/** The custom-field values of one object of the bundle; `null` when the object is absent (no offer). */
export function customFieldsOf(
  bundle: SourceBundle,
  object: CustomFieldObject,
): readonly CustomFieldValue[] | null {
  switch (object) {
    case 'candidate':
      return bundle.candidate.customFields;
    case 'application':
      return bundle.application.customFields;
    case 'job':
      return bundle.job.customFields;
    case 'offer':
      return bundle.offer?.latestVersion.customFields ?? null;
  }
}

const isFiniteOrNull = (v: unknown): v is number | null | undefined =>
  v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v));
const codeOf = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Resolve a select value to its option. With known options the value must be one of them (matched by
 * value, or by label since some payloads carry the label); without, the label is Ashby's valueLabel or
 * the value itself (Ashby's option values usually equal their labels).
 */
function option(value: string, label: unknown, def: CustomFieldDefinition | undefined): SelectOption | null {
  const options = def?.selectableValues ?? [];
  const ashbyLabel = typeof label === 'string' && label.trim() !== '' ? label.trim() : null;
  if (options.length === 0) return { value, label: ashbyLabel ?? value };
  const found = options.find((o) => o.value === value) ?? options.find((o) => o.label === value);
  return found === undefined ? null : { value: found.value, label: ashbyLabel ?? found.label };
}

function readString(raw: string, label: unknown, def: CustomFieldDefinition | undefined): Step {
  const value = raw.trim();
  if (value === '') return EMPTY;
  const type = def?.fieldType;
  const isSelect =
    type === 'ValueSelect' ||
    type === 'MultiValueSelect' ||
    (type === undefined && typeof label === 'string');
  if (type === 'Date' || (type === undefined && !isSelect && ISO_DATE_LIKE.test(value))) {
    const ymd = calendarDateOf(value);
    return ymd === null ? errorStep(fieldError('invalid_date')) : valueStep({ kind: 'date', ymd });
  }
  if (isSelect) {
    const opt = option(value, Array.isArray(label) ? label[0] : label, def);
    if (opt === null) return errorStep(fieldError('unknown_option'));
    return type === 'MultiValueSelect'
      ? valueStep({ kind: 'multiSelect', options: [opt] })
      : valueStep({ kind: 'select', option: opt });
  }
  return valueStep({ kind: 'text', text: value });
}

function readList(raw: readonly unknown[], labels: unknown, def: CustomFieldDefinition | undefined): Step {
  if (!raw.every((v) => typeof v === 'string')) return errorStep(fieldError('unsupported_value'));
  const values = raw.map((v) => v.trim());
  const labelList = Array.isArray(labels) && labels.length === values.length ? labels : [];
  const options: SelectOption[] = [];
  for (const [i, value] of values.entries()) {
    if (value === '') continue;
    const opt = option(value, labelList[i], def);
    if (opt === null) return errorStep(fieldError('unknown_option'));
    options.push(opt);
  }
  return options.length === 0 ? EMPTY : valueStep({ kind: 'multiSelect', options });
}

function readObject(raw: Record<string, unknown>): Step {
  const { type, minValue: min, maxValue: max } = raw;
  if (type === 'number-range' || type === 'compensation-range') {
    if (!isFiniteOrNull(min) || !isFiniteOrNull(max)) return errorStep(fieldError('unsupported_value'));
    if ((min ?? null) === null && (max ?? null) === null) return EMPTY;
    const bounds = { min: min ?? null, max: max ?? null };
    if (type === 'number-range') return valueStep({ kind: 'numberRange', ...bounds });
    const interval = codeOf(raw.interval);
    return valueStep({
      kind: 'compensationRange',
      ...bounds,
      currencyCode: codeOf(raw.currencyCode),
      interval,
    });
  }
  if (type === undefined && ('value' in raw || 'currencyCode' in raw)) {
    const amount = raw.value;
    if (!isFiniteOrNull(amount)) return errorStep(fieldError('unsupported_value'));
    if (amount === null || amount === undefined) return EMPTY;
    return valueStep({ kind: 'money', amount, currencyCode: codeOf(raw.currencyCode) });
  }
  return errorStep(fieldError('unsupported_value'));
}

/** A custom-field value (any of Ashby's types) as a Datum. */
export function readCustomValue(entry: CustomFieldValue, def: CustomFieldDefinition | undefined): Step {
  const raw: unknown = entry.value;
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === 'boolean') return valueStep({ kind: 'boolean', flag: raw });
  if (typeof raw === 'number') {
    return Number.isFinite(raw)
      ? valueStep({ kind: 'number', number: raw })
      : errorStep(fieldError('unsupported_value'));
  }
  if (typeof raw === 'string') return readString(raw, entry.valueLabel, def);
  if (Array.isArray(raw)) return readList(raw, entry.valueLabel, def);
  if (typeof raw === 'object') return readObject(raw as Record<string, unknown>);
  return errorStep(fieldError('unsupported_value'));
}

/** Read the custom field `fieldId` of `object`. Absent on a present object: empty if Ashby still defines
 * the field, an error if the definition is gone too (the mapping points at a deleted field). */
export function readCustomField(
  bundle: SourceBundle,
  object: CustomFieldObject,
  fieldId: string,
  definitions: readonly CustomFieldDefinition[],
): Step {
  const values = customFieldsOf(bundle, object);
  if (values === null) return EMPTY;
  const def = definitions.find((d) => d.id === fieldId);
  const entry = values.find((v) => v.id === fieldId);
  if (entry === undefined) return def === undefined ? errorStep(fieldError('custom_field_not_found')) : EMPTY;
  return readCustomValue(entry, def);
}
