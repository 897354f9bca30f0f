import type { FieldDefinition } from './field-definitions';
import { formatValue } from './values';

type ValueType = FieldDefinition['type'];

/**
 * The <input type> for a field type (the server validates; the browser only helps typing). Dates and
 * numbers are plain text boxes on purpose: a browser's date or number box hands the page an empty value
 * for what it cannot parse ("02/30/2027", "1e"), which would read as "clear the field". As text, what was
 * typed reaches the server, which names the problem and keeps the saved value.
 */
export function inputTypeOf(type: ValueType | undefined): string {
  switch (type) {
    case 'email':
      return 'email';
    case 'url':
      return 'url';
    case 'phone':
      return 'tel';
    default:
      return 'text';
  }
}

/** What the edit box starts with. */
export function editTextOf(value: unknown): string {
  return typeof value === 'number' ? String(value) : formatValue(value);
}

const NAME_AND_EMAIL = /^(.*?)\s*<([^<>]+)>\s*$/;

/**
 * A person as typed: "Dana Smith <dana@example.com>", "dana@example.com" or "Dana Smith". An address
 * alone is used as the name too, so the server can still match the manager by email.
 */
function parsePerson(text: string): { name: string; email: string | null } {
  const both = NAME_AND_EMAIL.exec(text);
  if (both) {
    const email = (both[2] ?? '').trim();
    const name = (both[1] ?? '').trim();
    return { name: name || email, email: email || null };
  }
  if (text.includes('@') && !/\s/.test(text)) return { name: text, email: text };
  return { name: text, email: null };
}

/**
 * The PATCH value for what was typed: empty clears the field (null); numbers are sent as numbers when
 * they parse (otherwise as typed, so the server names the problem); people as {name, email}.
 */
export function requestValueOf(type: ValueType | undefined, typed: string): unknown {
  const text = typed.trim();
  if (text === '') return null;
  if (type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'person') return parsePerson(text);
  return text;
}

/** The on-screen keyboard a phone should offer for the field. */
export function inputModeOf(type: ValueType | undefined): 'decimal' | 'numeric' | undefined {
  if (type === 'number') return 'decimal';
  if (type === 'date') return 'numeric';
  return undefined;
}

/** A hint under the edit box for types whose format is not obvious. */
export function inputHintOf(type: ValueType | undefined): string | undefined {
  switch (type) {
    case 'person':
      return 'A name, an email, or both as: Dana Smith <dana@example.com>';
    case 'currency':
      return 'An ISO 4217 code, such as EUR or USD';
    case 'url':
      return 'An http(s) address';
    case 'phone':
      return 'With the country code, such as +44 20 7946 0958';
    case 'date':
      return 'As year-month-day, such as 2027-03-01';
    case 'number':
      return 'Digits only, such as 85000 or 85000.50';
    default:
      return undefined;
  }
}
