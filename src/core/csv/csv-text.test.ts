import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv-text.js';

describe('CSV for spreadsheets', () => {
  it('prefixes every cell a spreadsheet would run as a formula with an apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}HYPERLINK("http://evil.example")`)).toBe(
        `"'${start}HYPERLINK(""http://evil.example"")"`,
      );
    expect(csvCell('Ada Lovelace')).toBe('"Ada Lovelace"');
    expect(csvCell('a=b')).toBe('"a=b"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
  });

  it('reads back as the same table, commas, quotes and newlines included', () => {
    const rows = [
      ['Núñez, José', 'say "hi"', 'two\nlines'],
      ['=1+1', '', '-5'],
    ];
    const text = csvText(['a', 'b', 'c'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text, { columns: true })).toEqual([
      { a: 'Núñez, José', b: 'say "hi"', c: 'two\nlines' },
      { a: "'=1+1", b: '', c: "'-5" },
    ]);
  });
});
