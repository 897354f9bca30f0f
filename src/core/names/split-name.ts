/**
 * Splits Ashby's single candidate name into first / middle / last. Ashby has no structured name, and no
 * rule set is right for every culture, so these rules aim to be predictable and to never lose or invent a
 * character; a reviewer corrects the rest in the inbox (a missing last name shows as required-missing).
 *
 * 1. Normalise: Unicode NFC; every run of whitespace becomes one space; spaces around a hyphen are
 *    removed ("Smith - Jones" → "Smith-Jones"); trimmed. Empty → all three null.
 * 2. Words are separated by spaces only, so hyphenated names stay whole ("Jean-Luc", "Smith-Jones",
 *    "Al-Hassan").
 * 3. One word → first name only; middle and last are null ("Madonna", and a CJK name written without
 *    spaces such as "李小龙": it is never cut into characters, because surname length varies — 欧阳, 山田).
 * 4. Two or more words, all in Han / Hangul / kana scripts, the first containing Han or Hangul
 *    ("山田 太郎", "김 민준"): family name first, so last = the first word, first = the rest, no middle.
 *    Katakana-only names are foreign names written given-name first and follow rule 5.
 * 5. Otherwise first = the first word; last = the last word; middle = the words between, except that:
 *    - generational suffixes at the end (Jr, Jr., Sr, Jnr, Snr, II, III, IV, 2nd, 3rd) stay with the last
 *      name ("John Smith Jr." → last "Smith Jr.") as long as two other words remain;
 *    - the last name starts at the earliest particle after the first word that is followed by a
 *      non-particle word: van, von, der, den, de, del, della, di, da, das, dos, du, la, le, bin, binti,
 *      ibn, al, el, ter, ten, zu, any case ("Vincent Willem van Gogh" → middle "Willem", last "van Gogh";
 *      "Maria de la Cruz" → last "de la Cruz"). The first word is never a particle, so "Di Wang" is
 *      first "Di", last "Wang".
 * 6. A comma means "Last, Given" when there are exactly two non-empty parts after setting aside trailing
 *    suffix parts: "van Gogh, Vincent Willem" → last "van Gogh", first "Vincent", middle "Willem". That
 *    separating comma is the only character ever dropped. Suffix parts rejoin the last name with their
 *    comma ("Martin Luther King, Jr." → last "King, Jr."; "Smith, John, Jr." → last "Smith, Jr.").
 *    Any other use of commas (empty parts, three names) is treated as plain words by rule 5.
 *
 * Known limits: family-name-first names in Latin script ("Nguyen Van An") come out given-name first;
 * Spanish double surnames without a particle put the first surname in the middle name.
 */

export interface NameParts {
  readonly first: string | null;
  readonly middle: string | null;
  readonly last: string | null;
}

const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'la',
  'le',
  'bin',
  'binti',
  'ibn',
  'al',
  'el',
  'ter',
  'ten',
  'zu',
]);
const SUFFIXES = new Set(['jr', 'sr', 'jnr', 'snr', 'ii', 'iii', 'iv', '2nd', '3rd']);
const CJK_WORD = /^[\p{scx=Han}\p{scx=Hangul}\p{scx=Hiragana}\p{scx=Katakana}]+$/u;
const HAN_OR_HANGUL = /[\p{sc=Han}\p{sc=Hangul}]/u;

const EMPTY: NameParts = { first: null, middle: null, last: null };

/** Rule 1, exported so callers and tests can compare against exactly what was split. */
export function normalizeName(full: string): string {
  return full
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/ ?([-\u2010\u2011]) ?/g, '$1')
    .trim();
}

const isParticle = (word: string): boolean => PARTICLES.has(word.toLowerCase());
const isSuffix = (word: string): boolean => SUFFIXES.has(word.toLowerCase().replace(/\.$/, ''));
const orNull = (words: readonly string[]): string | null => (words.length === 0 ? null : words.join(' '));

function splitWords(name: string): NameParts {
  const words = name.split(' ');
  const [head, ...tail] = words;
  if (head === undefined || tail.length === 0) return { first: head ?? null, middle: null, last: null };
  if (words.every((w) => CJK_WORD.test(w)) && HAN_OR_HANGUL.test(head)) {
    return { first: tail.join(' '), middle: null, last: head };
  }
  let end = words.length;
  while (end > 2 && isSuffix(words[end - 1] ?? '')) end--;
  const core = words.slice(0, end);
  let lastStart = core.length - 1;
  for (let i = 1; i < core.length - 1; i++) {
    if (isParticle(core[i] ?? '') && core.slice(i + 1).some((w) => !isParticle(w))) {
      lastStart = i;
      break;
    }
  }
  return {
    first: head,
    middle: orNull(core.slice(1, lastStart)),
    last: orNull([...core.slice(lastStart), ...words.slice(end)]),
  };
}

/** Rule 6; `null` when the commas do not follow a pattern we recognise. */
function splitCommaForm(name: string): NameParts | null {
  const parts = name.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) return null;
  const suffixes: string[] = [];
  while (parts.length > 1 && (parts.at(-1) ?? '').split(' ').every(isSuffix))
    suffixes.unshift(parts.pop() ?? '');
  const withSuffixes = (last: string | null): string | null =>
    suffixes.length === 0 ? last : [...(last === null ? [] : [last]), ...suffixes].join(', ');
  const [familyOrWhole, given] = parts;
  if (familyOrWhole === undefined || parts.length > 2) return null;
  if (given === undefined) {
    const words = splitWords(familyOrWhole);
    return { ...words, last: withSuffixes(words.last) };
  }
  // "Smith, John Jr.": a suffix written after the given names still belongs to the family name.
  const givenWords = given.split(' ');
  let end = givenWords.length;
  while (end > 1 && isSuffix(givenWords[end - 1] ?? '')) end--;
  const [first, ...middle] = givenWords.slice(0, end);
  const family = [familyOrWhole, ...givenWords.slice(end)].join(' ');
  return { first: first ?? null, middle: orNull(middle), last: withSuffixes(family) };
}

export function splitName(full: string): NameParts {
  const name = normalizeName(full);
  if (name === '') return EMPTY;
  return (name.includes(',') ? splitCommaForm(name) : null) ?? splitWords(name);
}
