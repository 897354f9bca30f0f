import { calendarDateOf } from '../model/calendar-date.js';
import { fieldError } from '../model/field-error.js';
import { transformAccepts } from './compatibility.js';
import { EMPTY, errorStep, lookupKeyOf, valueStep, type Datum, type Step } from './datum.js';
import { parseNumberLoose } from './parse-number.js';
import type { Transform } from './transform-spec.js';

type LookupTransform = Extract<Transform, { kind: 'lookup' }>;

const numberStep = (n: number | null): Step =>
  n === null ? EMPTY : valueStep({ kind: 'number', number: n });

/** Exact match first, then ignoring case (admins type "full time" for "Full time"). */
function lookUp(table: LookupTransform, key: string): string | null {
  const exact = table.entries.find((e) => e.from === key);
  if (exact !== undefined) return exact.to;
  const lower = key.toLowerCase();
  return table.entries.find((e) => e.from.toLowerCase() === lower)?.to ?? null;
}

function applyLookup(table: LookupTransform, datum: Datum): Step {
  const one = (key: string): string | null => lookUp(table, key) ?? (table.otherwise === 'keep' ? key : null);
  if (datum.kind === 'multiSelect' || datum.kind === 'textList') {
    const keys = datum.kind === 'multiSelect' ? datum.options.map((o) => o.value) : datum.items;
    const items = keys.map(one);
    if (items.some((i) => i === null)) return errorStep(fieldError('unmapped_value'));
    return valueStep({ kind: 'textList', items: items.filter((i) => i !== null) });
  }
  const key = lookupKeyOf(datum);
  const mapped = key === null ? null : one(key);
  return mapped === null
    ? errorStep(fieldError('unmapped_value'))
    : valueStep({ kind: 'text', text: mapped });
}

function applyDatePart(part: 'date' | 'year' | 'month', datum: Datum): Step {
  const ymd = datum.kind === 'date' ? datum.ymd : datum.kind === 'text' ? calendarDateOf(datum.text) : null;
  if (ymd === null) return errorStep(fieldError('invalid_date'));
  if (part === 'date') return valueStep({ kind: 'date', ymd });
  return numberStep(Number(part === 'year' ? ymd.slice(0, 4) : ymd.slice(5, 7)));
}

function applyNumber(datum: Datum): Step {
  if (datum.kind === 'number') return valueStep(datum);
  const text = datum.kind === 'text' ? datum.text : datum.kind === 'select' ? datum.option.value : '';
  const n = parseNumberLoose(text);
  return n === null ? errorStep(fieldError('not_a_number')) : numberStep(n);
}

/**
 * Apply a rule's transform to a present value. `defaultWhenEmpty` is handled by the engine (it acts on
 * an absent value) and passes values through here. A value of a kind the transform does not take is a
 * field error, checked against the same table validation uses.
 */
export function applyTransform(transform: Transform, datum: Datum): Step {
  if (!transformAccepts(transform, datum.kind)) {
    return errorStep(
      fieldError('incompatible_value', `the ${transform.kind} transform cannot take a ${datum.kind} value`),
    );
  }
  switch (transform.kind) {
    case 'defaultWhenEmpty':
      return valueStep(datum);
    case 'selectLabel':
      if (datum.kind === 'select') return valueStep({ kind: 'text', text: datum.option.label });
      if (datum.kind === 'multiSelect')
        return valueStep({ kind: 'textList', items: datum.options.map((o) => o.label) });
      return errorStep(fieldError('incompatible_value'));
    case 'lookup':
      return applyLookup(transform, datum);
    case 'datePart':
      return applyDatePart(transform.part, datum);
    case 'number':
      return applyNumber(datum);
    case 'currencyAmount':
      return datum.kind === 'money' ? numberStep(datum.amount) : errorStep(fieldError('incompatible_value'));
    case 'currencyCode': {
      const code = datum.kind === 'money' || datum.kind === 'compensationRange' ? datum.currencyCode : null;
      return code === null
        ? errorStep(fieldError('missing_currency_code'))
        : valueStep({ kind: 'text', text: code });
    }
    case 'rangeBound':
      if (datum.kind !== 'numberRange' && datum.kind !== 'compensationRange')
        return errorStep(fieldError('incompatible_value'));
      return numberStep(transform.bound === 'min' ? datum.min : datum.max);
    case 'join': {
      const items =
        datum.kind === 'multiSelect'
          ? datum.options.map((o) => (transform.use === 'label' ? o.label : o.value))
          : datum.kind === 'textList'
            ? datum.items
            : [];
      const text = items.join(transform.separator).trim();
      return text === '' ? EMPTY : valueStep({ kind: 'text', text });
    }
  }
}
