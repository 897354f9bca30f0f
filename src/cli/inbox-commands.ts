import fs from 'node:fs';
import type { Command } from 'commander';
import type { Principal } from '../core/auth/role.js';
import type { NewHire } from '../core/model/new-hire.js';
import { printJson, printLine, printTable } from './output.js';
import { UsageError } from './usage-error.js';
import { withContainer } from './with-container.js';

/** The CLI acts as an admin; history and the audit log name it "cli". */
const CLI: Principal = { kind: 'token', id: 'cli', name: 'cli', role: 'admin' };

const display = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? String(value)
      : value === null || value === undefined
        ? ''
        : JSON.stringify(value);

function printNewHire(n: NewHire): void {
  printLine(`New hire ${n.id} (${n.status}), Ashby application ${n.applicationId}`);
  for (const [key, field] of Object.entries(n.fields)) {
    printLine(
      `  ${key.padEnd(20)} ${display(field.value).padEnd(32)} ${field.error ? `! ${field.error.message}` : `(${field.source.description})`}`,
    );
  }
  printLine(
    n.missingRequired.length > 0
      ? `Missing required: ${n.missingRequired.join(', ')}`
      : 'Complete: ready to add.',
  );
}

/** `--set key=value` pairs; values are JSON when they parse as JSON (numbers, objects, null), else text. */
function parseSets(sets: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes key=value, got "${set}"`);
    const raw = set.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // plain text
    }
    fields[set.slice(0, eq)] = value;
  }
  return fields;
}

/** `--set key=null` is typed on purpose: it confirms clearing the field, required or not. */
function explicitEdit(fields: Record<string, unknown>) {
  const confirmClear = Object.keys(fields).filter((key) => fields[key] === null);
  return { fields, confirmClear };
}

export function inboxCommands(program: Command): void {
  const inbox = program.command('new-hires').description('the New hires inbox');
  inbox
    .command('list')
    .option('--status <status>', 'in_review, added or deleted')
    .option('--json', 'print JSON')
    .action(async (o: { status?: 'in_review' | 'added' | 'deleted'; json?: boolean }) => {
      const items = await withContainer((c) =>
        c.services.listNewHires({ limit: 500, ...(o.status ? { status: o.status } : {}) }),
      );
      if (o.json) return printJson({ items });
      printTable(
        items.map((n) => ({
          id: n.id,
          status: n.status,
          name: [n.fields['firstName']?.value, n.fields['lastName']?.value]
            .map(display)
            .filter(Boolean)
            .join(' '),
          job: display(n.fields['jobTitle']?.value),
          start: display(n.fields['employmentStartDate']?.value),
          missing: n.missingRequired.length,
        })),
      );
    });
  inbox
    .command('show <id>')
    .action(async (id: string) =>
      printNewHire((await withContainer((c) => c.services.getNewHire(id))).newHire),
    );
  inbox
    .command('edit <id>')
    .description('edit fields: --set personalEmail=ada@example.com --set salaryAmount=85000')
    .option('--set <key=value>', 'a field to set (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .action(async (id: string, o: { set: string[] }) => {
      printNewHire(
        await withContainer((c) =>
          c.services.editNewHire({ newHireId: id, ...explicitEdit(parseSets(o.set)), principal: CLI }),
        ),
      );
    });
  inbox
    .command('add-member <id>')
    .description('add a complete new hire to the people directory (and push it to destinations)')
    .option(
      '--destination <id>',
      'push to this destination (repeatable); default: every enabled one',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--no-destinations', 'push to no destination')
    .action(async (id: string, opts: { destination: string[]; destinations: boolean }) => {
      const chosen = !opts.destinations ? [] : opts.destination.length > 0 ? opts.destination : undefined;
      const { member, created } = await withContainer((c) =>
        c.services.addMember({
          newHireId: id,
          principal: CLI,
          ...(chosen === undefined ? {} : { destinations: chosen }),
        }),
      );
      printLine(`${created ? 'Added' : 'Already added as'} member ${member.id}.`);
    });
  inbox
    .command('delete <id>')
    .description('delete a new hire and its personal data; a later delivery will not bring it back')
    .action(async (id: string) => {
      await withContainer((c) => c.services.deleteNewHire({ newHireId: id, principal: CLI }));
      printLine(`Deleted new hire ${id}.`);
    });
  inbox
    .command('restore <id>')
    .description('undo a delete: import the application again from Ashby')
    .action(async (id: string) => {
      const target = await withContainer((c) => c.restoreNewHire(id));
      printLine(`Restoring: the import of Ashby application ${target.applicationId} is queued.`);
    });

  const members = program.command('members').description('the people directory');
  members
    .command('import <file>')
    .description(
      'seed existing employees from CSV (header of field names: firstName,lastName,personalEmail,workEmail,jobTitle,department,location,managerEmail,...)',
    )
    .action(async (file: string) => {
      let csv: string;
      try {
        csv = fs.readFileSync(file, 'utf8');
      } catch {
        throw new UsageError(`Cannot read ${file}`);
      }
      const report = await withContainer((c) => c.importMembers(csv));
      printLine(`Imported ${report.imported} member(s).`);
      for (const p of report.problems) printLine(`  line ${p.line}: ${p.message}`);
      if (report.problems.length > 0) process.exitCode = 1;
    });
  members
    .command('list')
    .option('--search <text>', 'name or email contains')
    .option('--json', 'print JSON')
    .action(async (o: { search?: string; json?: boolean }) => {
      const items = await withContainer((c) =>
        c.services.listMembers({ limit: 500, ...(o.search ? { query: o.search } : {}) }),
      );
      if (o.json) return printJson({ items });
      printTable(
        items.map((m) => ({
          id: m.id,
          name: [m.fields['firstName'], m.fields['lastName']].map(display).filter(Boolean).join(' '),
          email: display(m.fields['workEmail'] ?? m.fields['personalEmail']),
          job: display(m.fields['jobTitle']),
          department: m.department?.name ?? '',
        })),
      );
    });
}
