/**
 * Text to number, without guessing. `strict` takes only plain decimal notation ("85000", "-1.5",
 * "2e3"). `loose` (the `number` transform) also drops spaces, underscores and apostrophes used as digit
 * groupings, and commas when they group thousands ("85,000", "1,234.5"). A comma that could be a decimal
 * separator ("1,5") is refused rather than read one way or the other.
 */
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const COMMA_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export function parseNumberStrict(text: string): number | null {
  const s = text.trim();
  if (!PLAIN.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function parseNumberLoose(text: string): number | null {
  let s = text.trim().replace(/[\s_'\u2019]/gu, '');
  if (COMMA_GROUPED.test(s)) s = s.replace(/,/g, '');
  return parseNumberStrict(s);
}
