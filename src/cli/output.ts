/** CLI output helpers: plain text for people, --json for scripts. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function printTable(rows: readonly Record<string, string | number | null>[]): void {
  if (rows.length === 0) {
    printLine('(none)');
    return;
  }
  const columns = Object.keys(rows[0] ?? {});
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length));
  const widths = columns.map(width);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  printLine(line(columns));
  for (const row of rows) printLine(line(columns.map((c) => String(row[c] ?? ''))));
}
