import { isCalendarDate } from './calendar-date.js';
import { isCurrencyCode } from './currency-codes.js';
import { fieldError, type FieldError } from './field-error.js';
import { normalizePhone } from './phone-number.js';
import type { FieldDefinition } from './new-hire-fields.js';

/** The value of a person field such as "Reporting to". */
export interface PersonRef {
  readonly name: string;
  readonly email: string | null;
}

/** A filled field value; which variant depends on the field's ValueType. */
export type FieldValue = string | number | PersonRef;

export type FieldCheck =
  { readonly ok: true; readonly value: FieldValue } | { readonly ok: false; readonly error: FieldError };

const MAX_TEXT = 10_000;
const MAX_EMAIL = 254;
/** Pragmatic: one @, no spaces, a dotted domain of letters/digits/hyphens (Unicode letters allowed). */
const EMAIL =
  /^[^\s@<>()[\],;:"]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function isValidEmail(value: string): boolean {
  return value.length <= MAX_EMAIL && EMAIL.test(value);
}

/**
 * An http(s) URL with a dotted host, trimmed. A scheme-less address ("linkedin.com/in/x", as people type
 * them into Ashby) gets `https://`; anything else that is not http(s) (javascript:, mailto:) is refused.
 */
export function normalizeUrl(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const withScheme = HAS_SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!parsed.hostname.includes('.') || parsed.username !== '' || parsed.password !== '') return null;
  return withScheme;
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > MAX_TEXT ? null : trimmed;
}

const ok = (value: FieldValue): FieldCheck => ({ ok: true, value });
const fail = (error: FieldError): FieldCheck => ({ ok: false, error });

function checkNumber(value: unknown, min: number | null): FieldCheck {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(fieldError('not_a_number'));
  if (min !== null && value < min) return fail(fieldError(min === 0 ? 'negative_number' : 'not_a_number'));
  // -0 would serialise as 0 anyway; normalise so equality checks agree.
  return ok(value === 0 ? 0 : value);
}

function checkPerson(value: unknown): FieldCheck {
  if (typeof value !== 'object' || value === null) return fail(fieldError('invalid_person'));
  const { name, email } = value as { name?: unknown; email?: unknown };
  const cleanName = text(name);
  if (cleanName === null) return fail(fieldError('invalid_person', 'the name is empty'));
  if (email === null || email === undefined) return ok({ name: cleanName, email: null });
  const cleanEmail = typeof email === 'string' ? email.trim() : '';
  if (cleanEmail === '') return ok({ name: cleanName, email: null });
  if (!isValidEmail(cleanEmail)) return fail(fieldError('invalid_email'));
  return ok({ name: cleanName, email: cleanEmail });
}

/**
 * Check (and normalise: trim, upper-case currency codes) a value for a field. Used by the mapping engine
 * on what it produces and by the reviewer edit API on what a person typed, so both accept exactly the
 * same values.
 */
export function validateFieldValue(field: Pick<FieldDefinition, 'type' | 'min'>, value: unknown): FieldCheck {
  switch (field.type) {
    case 'number':
      return checkNumber(value, field.min);
    case 'person':
      return checkPerson(value);
    case 'string': {
      const t = text(value);
      return t === null ? fail(fieldError('invalid_text')) : ok(t);
    }
    case 'email': {
      const t = text(value);
      return t !== null && isValidEmail(t) ? ok(t) : fail(fieldError('invalid_email'));
    }
    case 'date': {
      const t = text(value);
      return t !== null && isCalendarDate(t) ? ok(t) : fail(fieldError('invalid_date'));
    }
    case 'currency': {
      const t = text(value)?.toUpperCase() ?? null;
      return t !== null && isCurrencyCode(t) ? ok(t) : fail(fieldError('invalid_currency'));
    }
    case 'url': {
      const u = typeof value === 'string' ? normalizeUrl(value) : null;
      return u === null ? fail(fieldError('invalid_url')) : ok(u);
    }
    case 'phone': {
      const t = text(value);
      const phone = t === null ? null : normalizePhone(t);
      return phone === null ? fail(fieldError('invalid_phone')) : ok(phone);
    }
  }
}
