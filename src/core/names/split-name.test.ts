import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeName, splitName, type NameParts } from './split-name.js';

const parts = (first: string | null, middle: string | null, last: string | null): NameParts => ({
  first,
  middle,
  last,
});
const nonSpace = (s: string): string[] => [...s.replace(/\s/gu, '')].sort();
const joined = (p: NameParts): string => [p.first, p.middle, p.last].filter((x) => x !== null).join(' ');

describe('splitName', () => {
  it.each([
    ['', parts(null, null, null)],
    ['   ', parts(null, null, null)],
    ['Madonna', parts('Madonna', null, null)],
    ['Ada Lovelace', parts('Ada', null, 'Lovelace')],
    ['John Ronald Reuel Tolkien', parts('John', 'Ronald Reuel', 'Tolkien')],
    ['Ludwig van Beethoven', parts('Ludwig', null, 'van Beethoven')],
    ['Vincent Willem van Gogh', parts('Vincent', 'Willem', 'van Gogh')],
    ['Johannes Diderik van der Waals', parts('Johannes', 'Diderik', 'van der Waals')],
    ['Ursula von der Leyen', parts('Ursula', null, 'von der Leyen')],
    ['Maria de la Cruz', parts('Maria', null, 'de la Cruz')],
    ['Charles de Gaulle', parts('Charles', null, 'de Gaulle')],
    ['Leonardo da Vinci', parts('Leonardo', null, 'da Vinci')],
    ['Rosa di Maggio', parts('Rosa', null, 'di Maggio')],
    ['Jean le Rond', parts('Jean', null, 'le Rond')],
    ['Mohammed bin Salman', parts('Mohammed', null, 'bin Salman')],
    ['Khalid al Falih', parts('Khalid', null, 'al Falih')],
    ['Dick Van Dyke', parts('Dick', null, 'Van Dyke')],
    ['Di Wang', parts('Di', null, 'Wang')],
    ['Anna de', parts('Anna', null, 'de')],
    ['Jean-Luc Picard', parts('Jean-Luc', null, 'Picard')],
    ['Mary Smith-Jones', parts('Mary', null, 'Smith-Jones')],
    ['Mary Smith - Jones', parts('Mary', null, 'Smith-Jones')],
    ['Ahmed Al-Hassan', parts('Ahmed', null, 'Al-Hassan')],
    ['  Ada \t\n  King   Lovelace  ', parts('Ada', 'King', 'Lovelace')],
    ['Ada\u00a0Lovelace', parts('Ada', null, 'Lovelace')],
    ['John Smith Jr.', parts('John', null, 'Smith Jr.')],
    ['John Paul Smith III', parts('John', 'Paul', 'Smith III')],
    ['John Jr.', parts('John', null, 'Jr.')],
    ['Martin Luther King, Jr.', parts('Martin', 'Luther', 'King, Jr.')],
    ['Lovelace, Ada', parts('Ada', null, 'Lovelace')],
    ['van Gogh, Vincent Willem', parts('Vincent', 'Willem', 'van Gogh')],
    ['Smith, John, Jr.', parts('John', null, 'Smith, Jr.')],
    ['Smith, John Jr.', parts('John', null, 'Smith Jr.')],
    ['Smith,', parts('Smith,', null, null)],
    ['a, b, c', parts('a,', 'b,', 'c')],
    ['李小龙', parts('李小龙', null, null)],
    ['山田 太郎', parts('太郎', null, '山田')],
    ['김 민준', parts('민준', null, '김')],
    ['ジョン スミス', parts('ジョン', null, 'スミス')],
    ['Nguyễn Văn An', parts('Nguyễn', 'Văn', 'An')],
  ])('%j', (input, expected) => {
    expect(splitName(input)).toEqual(expected);
  });

  it('keeps a single CJK name whole instead of cutting it into characters', () => {
    expect(splitName('欧阳娜娜').first).toBe('欧阳娜娜');
  });

  it('normalises composed and decomposed accents alike', () => {
    expect(splitName('Jose\u0301 Garci\u0301a')).toEqual(parts('José', null, 'García'));
  });
});

const particle = fc.constantFrom('van', 'der', 'de', 'la', 'von', 'da', 'di', 'le', 'bin', 'al', 'Van', 'De');
const suffix = fc.constantFrom('Jr.', 'Sr', 'III', 'IV');
const latinWord = fc.stringMatching(/^[A-Z][a-zà-ÿ]{0,8}(-[A-Z][a-z]{1,6})?$/);
const anyWord = fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' });
const space = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', ' - ');
const nameFrom = (word: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.oneof(word, particle, suffix), space), { minLength: 0, maxLength: 7 })
    .map((ws) => ws.map(([w, s]) => w + s).join(''));

describe('splitName properties', () => {
  it('never loses or invents a character, whatever the input (only a separating comma may go)', () => {
    fc.assert(
      fc.property(nameFrom(fc.oneof(latinWord, anyWord)), (input) => {
        const before = nonSpace(normalizeName(input));
        const after = nonSpace(joined(splitName(input)));
        if (before.length === after.length) expect(after).toEqual(before);
        else expect([...after, ','].sort()).toEqual(before);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejoins to the normalised input, in order, for names without commas or CJK script', () => {
    fc.assert(
      fc.property(nameFrom(latinWord), (input) => {
        expect(joined(splitName(input))).toBe(normalizeName(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('fills first whenever there is a name, and never returns empty strings', () => {
    fc.assert(
      fc.property(nameFrom(fc.oneof(latinWord, anyWord)), (input) => {
        const p = splitName(input);
        expect(p.first === null).toBe(normalizeName(input) === '');
        for (const v of [p.first, p.middle, p.last]) {
          if (v !== null) expect(v.trim() === v && v !== '').toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
