import { parse } from 'csv-parse/sync';
import { AppError } from '../core/errors/app-error.js';

/** One data row of an uploaded CSV, keyed by the header, with its line number for error reports. */
export interface CsvRecord {
  readonly record: Record<string, string>;
  readonly line: number;
}

/**
 * Reads an uploaded CSV the way every import does: the first row names the columns, blank rows are
 * skipped, cells are trimmed and a byte-order mark is ignored. A file that is not CSV is refused as a
 * whole, naming what broke.
 */
export function readCsvRecords(csv: string): CsvRecord[] {
  try {
    const rows = parse<{ record: Record<string, string>; info: { lines: number } }>(csv, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
    return rows.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (err) {
    throw new AppError(
      'validation_failed',
      `The file is not valid CSV: ${err instanceof Error ? err.message : 'unreadable'}`,
    );
  }
}
