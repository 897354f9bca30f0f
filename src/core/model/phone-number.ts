import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone number in its international form (E.164, such as +442079460000), or null when the text is not
 * a possible number. libphonenumber-js knows every country's lengths and prefixes, which a hand-written
 * pattern would not. The country comes from the number itself ("+44 ..."); HireBridge has no home
 * country to assume, so a number without its country code is refused rather than guessed.
 */
export function normalizePhone(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value.trim());
  return parsed?.isPossible() ? parsed.number : null;
}
