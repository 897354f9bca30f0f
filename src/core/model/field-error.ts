/**
 * Why one field of a new hire has no value although its source had one. The codes are a closed set so
 * the inbox can explain them and tests can assert them. Messages describe the problem, never the value:
 * they end up in logs and API answers, and the value is personal data ("not a number", not "'abc' is not
 * a number").
 */
export const FIELD_ERROR_CODES = {
  not_a_number: 'not a number',
  negative_number: 'must not be negative',
  invalid_email: 'not a valid email address',
  invalid_date: 'not a calendar date (YYYY-MM-DD)',
  invalid_currency: 'not an ISO 4217 currency code',
  missing_currency_code: 'the currency amount has no currency code',
  invalid_url: 'not a valid http(s) URL',
  invalid_phone: 'not a phone number with its country code (such as +44 20 7946 0958)',
  invalid_text: 'not usable as text (empty or longer than 10000 characters)',
  invalid_person: 'not a person (a name and an optional email address)',
  unknown_option: 'not one of the options defined for this Ashby field',
  unmapped_value: 'no entry of the lookup table matches the Ashby value',
  multiple_values: 'several values where one is expected',
  incompatible_value: 'this kind of Ashby value cannot fill this field',
  unsupported_value: 'the Ashby value has a shape HireBridge does not recognise',
  custom_field_not_found: 'the Ashby custom field no longer exists',
} as const;

export type FieldErrorCode = keyof typeof FIELD_ERROR_CODES;

export interface FieldError {
  readonly code: FieldErrorCode;
  readonly message: string;
}

/** A field error with the standard message, optionally followed by a hint (never the value itself). */
export function fieldError(code: FieldErrorCode, hint?: string): FieldError {
  const base = FIELD_ERROR_CODES[code];
  return { code, message: hint === undefined ? base : `${base}: ${hint}` };
}
