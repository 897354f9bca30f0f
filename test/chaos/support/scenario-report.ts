import fs from 'node:fs';
import { inject } from 'vitest';
import type { Dialect } from '../../../src/db/dialects/create-database.js';

/** The figures a scenario may report, in the order they are printed. Omit what does not apply. */
const FIELDS = [
  'sent',
  'acked',
  'newHires',
  'expected',
  'members',
  'pushes',
  'delivered',
  'remotePeople',
  'duplicates',
  'lost',
] as const;
export type Figures = Partial<Record<(typeof FIELDS)[number], number>>;

/**
 * Prints a scenario's one result line, `scenario <name> [<dialect>]: sent=N acked=N ...`, from measured
 * values only, and appends it to the run's figures file, which the global teardown prints as a summary.
 * Call it once per scenario and dialect, before the assertions, so a failing run still shows its figures.
 */
export function reportScenario(name: string, dialect: Dialect, figures: Figures): string {
  const line = scenarioLine(name, dialect, figures);
  console.log(line);
  const file = inject('chaosFiguresFile');
  if (file) fs.appendFileSync(file, `${line}\n`);
  return line;
}

/** `scenario <name> [<dialect>]: sent=N ...` with the figures given (none yet: nothing after the colon). */
export function scenarioLine(name: string, dialect: Dialect, figures: Figures): string {
  const fields = FIELDS.filter((k) => figures[k] !== undefined).map((k) => `${k}=${figures[k]}`);
  return `scenario ${name} [${dialect}]: ${fields.join(' ')}`.trimEnd();
}
