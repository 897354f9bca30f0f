import { readCsvRecords } from './csv-records.js';
import { AppError, isAppError } from '../core/errors/app-error.js';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../core/model/position.js';
import type { Actor } from './actor.js';
import { createPosition, type PositionDeps, type PositionInput } from './positions.js';

const COLUMNS = [
  'title',
  'department',
  'location',
  'employmentType',
  'targetHireDate',
  'targetStartDate',
  'recruiting',
  'requisitionId',
  'description',
  'ashbyJobId',
] as const;
/** Any other column `custom:<title>` is a custom field value. */
const CUSTOM_PREFIX = 'custom:';

export interface PositionImportReport {
  readonly imported: number;
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

const YES = new Set(['yes', 'true', '1', 'y']);
const NO = new Set(['no', 'false', '0', 'n', '']);

function rowToInput(record: Record<string, string>): PositionInput {
  const input: PositionInput = { customFields: {} };
  const custom: Record<string, string> = {};
  for (const [column, raw] of Object.entries(record)) {
    const value = raw.trim();
    if (column.startsWith(CUSTOM_PREFIX)) {
      if (value !== '') custom[column.slice(CUSTOM_PREFIX.length).trim()] = value;
      continue;
    }
    switch (column as (typeof COLUMNS)[number]) {
      case 'recruiting':
        if (!YES.has(value.toLowerCase()) && !NO.has(value.toLowerCase()))
          throw new AppError('validation_failed', `recruiting: "${value}" is not yes or no`);
        input.recruiting = YES.has(value.toLowerCase());
        break;
      case 'employmentType':
        if (value === '') break;
        if (!(EMPLOYMENT_TYPES as readonly string[]).includes(value))
          throw new AppError(
            'validation_failed',
            `employmentType: "${value}" is not one of ${EMPLOYMENT_TYPES.join(', ')}`,
          );
        input.employmentType = value as EmploymentType;
        break;
      case 'title':
        input.title = value;
        break;
      case 'description':
        input.description = value;
        break;
      default:
        input[
          column as Exclude<
            (typeof COLUMNS)[number],
            'recruiting' | 'employmentType' | 'title' | 'description'
          >
        ] = value === '' ? null : value;
    }
  }
  return { ...input, customFields: custom };
}

/**
 * Adds positions from CSV (one per row, each in its own transaction and audited like one added by
 * hand). The header names the columns; a bad header refuses the file, a bad row is reported by its
 * line number and skipped while the good rows are added.
 */
export async function importPositions(
  deps: PositionDeps,
  input: { csv: string; actor: Actor },
): Promise<PositionImportReport> {
  const records = readCsvRecords(input.csv);
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter(
    (c) => !(COLUMNS as readonly string[]).includes(c) && !c.startsWith(CUSTOM_PREFIX),
  );
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      `Unknown columns: ${unknown.join(', ')}. Known: ${COLUMNS.join(', ')}, and custom:<field title>`,
    );
  }
  if (records.length > 0 && !header.includes('title'))
    throw new AppError('validation_failed', 'Missing required column: title');
  let imported = 0;
  const problems: { line: number; message: string }[] = [];
  for (const { record, line } of records) {
    try {
      await createPosition(deps, { position: rowToInput(record), actor: input.actor });
      imported += 1;
    } catch (err) {
      if (!isAppError(err) || err.code !== 'validation_failed') throw err;
      problems.push({ line, message: err.message });
    }
  }
  return { imported, problems };
}
