import { calendarDateOf } from '../model/calendar-date.js';
import { fieldError, type FieldErrorCode } from '../model/field-error.js';
import { validateFieldValue, type FieldCheck } from '../model/field-value.js';
import type { FieldDefinition } from '../model/new-hire-fields.js';
import { targetAccepts } from './compatibility.js';
import type { Datum } from './datum.js';
import { parseNumberStrict } from './parse-number.js';

const fail = (code: FieldErrorCode, hint?: string): FieldCheck => ({
  ok: false,
  error: fieldError(code, hint),
});

/** "3–5", or "at least 3" / "at most 5" when Ashby has only one bound. */
const range = (min: number | null, max: number | null): string =>
  min === null ? `at most ${max}` : max === null ? `at least ${min}` : `${min}–${max}`;

/**
 * How a value reads as text in a string field. Select values use their stored value (the selectLabel
 * transform picks the label); lists are joined with ", "; booleans read Yes/No; an amount needs its
 * currency, so money without a code is an error rather than a bare number.
 */
function displayText(datum: Datum): FieldCheck | string {
  switch (datum.kind) {
    case 'text':
      return datum.text;
    case 'number':
      return String(datum.number);
    case 'boolean':
      return datum.flag ? 'Yes' : 'No';
    case 'date':
      return datum.ymd;
    case 'select':
      return datum.option.value;
    case 'multiSelect':
      return datum.options.map((o) => o.value).join(', ');
    case 'textList':
      return datum.items.join(', ');
    case 'person':
      return datum.name;
    case 'numberRange':
      return range(datum.min, datum.max);
    case 'money':
      return datum.currencyCode === null
        ? fail('missing_currency_code')
        : `${datum.amount} ${datum.currencyCode}`;
    case 'compensationRange': {
      if (datum.currencyCode === null) return fail('missing_currency_code');
      const per = datum.interval === null || datum.interval === 'NONE' ? '' : ` per ${datum.interval}`;
      return `${range(datum.min, datum.max)} ${datum.currencyCode}${per}`;
    }
  }
}

/** The text of a single text-like value (text or a select's stored value), else `null`. */
const plainText = (datum: Datum): string | null =>
  datum.kind === 'text' ? datum.text : datum.kind === 'select' ? datum.option.value : null;

/**
 * Convert a value into the target field's type and validate it with the same validator the reviewer
 * edit API uses. Anything that does not convert is a field error; nothing is rounded, truncated or
 * replaced.
 */
export function coerceToTarget(datum: Datum, field: FieldDefinition): FieldCheck {
  if (!targetAccepts(field.type, datum.kind)) {
    if (datum.kind === 'multiSelect' || datum.kind === 'textList') return fail('multiple_values');
    return fail('incompatible_value', `a ${datum.kind} value cannot fill a ${field.type} field`);
  }
  switch (field.type) {
    case 'string': {
      const text = displayText(datum);
      return typeof text === 'string' ? validateFieldValue(field, text) : text;
    }
    case 'number': {
      if (datum.kind === 'number') return validateFieldValue(field, datum.number);
      const n = parseNumberStrict(plainText(datum) ?? '');
      return n === null ? fail('not_a_number') : validateFieldValue(field, n);
    }
    case 'date': {
      // Text holding an ISO date-time keeps its written calendar date, as offer start dates do.
      const ymd = datum.kind === 'date' ? datum.ymd : calendarDateOf(plainText(datum) ?? '');
      return ymd === null ? fail('invalid_date') : validateFieldValue(field, ymd);
    }
    case 'person':
      return datum.kind === 'person'
        ? validateFieldValue(field, { name: datum.name, email: datum.email })
        : validateFieldValue(field, { name: plainText(datum), email: null });
    case 'email':
    case 'url':
    case 'phone':
    case 'currency':
      return validateFieldValue(field, plainText(datum));
  }
}
