/**
 * CSV written for spreadsheets. A cell a spreadsheet would read as a formula (one starting with =, +,
 * -, @, a tab or a carriage return) gets a leading apostrophe, so a name like `=HYPERLINK(...)` typed
 * into Ashby stays text when a people team opens the export (OWASP "CSV injection"). Every cell is
 * quoted, quotes doubled, lines end with CRLF (RFC 4180).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
