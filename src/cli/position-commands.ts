import fs from 'node:fs';
import type { Command } from 'commander';
import type { Principal } from '../core/auth/role.js';
import { EMPLOYMENT_TYPES, POSITION_STATUSES, type PositionStatus } from '../core/model/position.js';
import type { PositionInput } from '../app/positions.js';
import type { PositionView } from '../app/positions.js';
import { printJson, printLine, printTable } from './output.js';
import { UsageError } from './usage-error.js';
import { withContainer } from './with-container.js';

/** The CLI acts as an admin; the audit log names it "cli". */
const CLI: Principal = { kind: 'token', id: 'cli', name: 'cli', role: 'admin' };

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface AddOptions {
  title: string;
  department?: string;
  location?: string;
  employmentType?: string;
  targetHireDate?: string;
  targetStartDate?: string;
  recruiting?: boolean;
  requisitionId?: string;
  description?: string;
  ashbyJobId?: string;
  field: string[];
  json?: boolean;
}

function inputOf(o: AddOptions): PositionInput {
  if (o.employmentType !== undefined && !(EMPLOYMENT_TYPES as readonly string[]).includes(o.employmentType))
    throw new UsageError(`--employment-type must be one of: ${EMPLOYMENT_TYPES.join(', ')}`);
  const customFields: Record<string, string> = {};
  for (const pair of o.field) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--field takes TITLE=VALUE, got "${pair}"`);
    customFields[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return {
    title: o.title,
    department: o.department,
    location: o.location,
    employmentType: o.employmentType as PositionInput['employmentType'],
    targetHireDate: o.targetHireDate,
    targetStartDate: o.targetStartDate,
    recruiting: o.recruiting ?? false,
    requisitionId: o.requisitionId,
    description: o.description,
    ashbyJobId: o.ashbyJobId,
    customFields,
  };
}

function printPosition(p: PositionView): void {
  printLine(`${p.title} (${p.id})`);
  printLine(`  status: ${p.status}${p.closeReason ? ` (${p.closeReason})` : ''}`);
  printLine(`  recruiting: ${p.recruiting ? 'yes' : 'no'}`);
  printLine(`  department: ${p.department ?? '-'}   location: ${p.location ?? '-'}`);
  printLine(`  employment type: ${p.employmentType}`);
  printLine(
    `  target hire date: ${p.targetHireDate ?? '-'}   target start date: ${p.targetStartDate ?? '-'}`,
  );
  printLine(`  requisition id: ${p.requisitionId ?? '-'}   Ashby job: ${p.ashbyJobId ?? '-'}`);
  for (const [title, value] of Object.entries(p.customFields)) printLine(`  ${title}: ${value}`);
  printLine(`  filled by: ${p.filledBy ? `${p.filledBy.name} (${p.filledBy.memberId})` : '-'}`);
}

export function positionCommands(program: Command): void {
  const positions = program
    .command('positions')
    .description('open positions of the directory (published to Ashby as openings)');
  positions
    .command('add')
    .description('add an open position')
    .requiredOption('--title <title>', 'job title')
    .option('--department <name>', 'department (matched to an Ashby department by name)')
    .option('--location <name>', 'location (matched to an Ashby location by name)')
    .option('--employment-type <type>', EMPLOYMENT_TYPES.join(', '))
    .option('--target-hire-date <YYYY-MM-DD>', 'target hire date')
    .option('--target-start-date <YYYY-MM-DD>', 'target start date')
    .option('--recruiting', 'recruiting is active: publish it to Ashby')
    .option('--requisition-id <id>', 'your requisition id')
    .option('--description <text>', 'description')
    .option('--ashby-job-id <id>', 'the Ashby job the opening belongs to')
    .option('--field <TITLE=VALUE>', 'a custom field value (repeatable)', collect, [])
    .option('--json', 'print JSON')
    .action(async (o: AddOptions) => {
      const position = await withContainer((c) =>
        c.services.openings.createPosition({ position: inputOf(o), principal: CLI }),
      );
      if (o.json) return printJson(position);
      printLine(`Added position ${position.title}, id ${position.id}.`);
    });
  positions
    .command('list')
    .option('--status <status>', POSITION_STATUSES.join(', '))
    .option('--json', 'print JSON')
    .action(async (o: { status?: string; json?: boolean }) => {
      if (o.status !== undefined && !(POSITION_STATUSES as readonly string[]).includes(o.status))
        throw new UsageError(`--status must be one of: ${POSITION_STATUSES.join(', ')}`);
      const items = await withContainer((c) =>
        c.services.openings.listPositions({
          limit: 500,
          ...(o.status ? { status: o.status as PositionStatus } : {}),
        }),
      );
      if (o.json) return printJson({ items });
      printTable(
        items.map((p) => ({
          id: p.id,
          title: p.title,
          status: p.status,
          recruiting: p.recruiting ? 'yes' : 'no',
          department: p.department,
          'filled by': p.filledBy?.name ?? null,
        })),
      );
    });
  positions
    .command('show <id>')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const position = await withContainer((c) => c.services.openings.getPosition(id));
      if (o.json) return printJson(position);
      printPosition(position);
    });
  positions
    .command('close <id>')
    .description('close an open position; the next opening sync closes its Ashby opening')
    .requiredOption('--reason <text>', 'why it closed (matched to an Ashby close reason by name)')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { reason: string; json?: boolean }) => {
      const position = await withContainer((c) =>
        c.services.openings.closePosition({ id, reason: o.reason, principal: CLI }),
      );
      if (o.json) return printJson(position);
      printLine(`Closed position ${position.title} (${position.id}).`);
    });
  positions
    .command('import <file>')
    .description('add positions from a CSV file (header: title, department, …, custom:<field title>)')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const csv = fs.readFileSync(file, 'utf8');
      const report = await withContainer((c) => c.services.openings.importPositions({ csv, principal: CLI }));
      if (o.json) return printJson(report);
      printLine(`Added ${report.imported} positions.`);
      for (const p of report.problems) printLine(`line ${p.line}: ${p.message}`);
    });

  const openings = program.command('openings').description('publishing positions to Ashby as openings');
  openings
    .command('enable')
    .description('turn opening sync on for a connection (the key needs jobsWrite)')
    .requiredOption('--connection <id>', 'connection id')
    .option('--custom-field <title>', 'a position custom field to publish (repeatable)', collect, [])
    .action(async (o: { connection: string; customField: string[] }) => {
      await withContainer((c) =>
        c.services.openings.saveSyncSettings({
          connectionId: o.connection,
          enabled: true,
          ...(o.customField.length > 0 ? { customFields: o.customField } : {}),
          principal: CLI,
        }),
      );
      printLine('Opening sync is on; the first run is queued.');
    });
  openings
    .command('disable')
    .requiredOption('--connection <id>', 'connection id')
    .action(async (o: { connection: string }) => {
      await withContainer((c) =>
        c.services.openings.saveSyncSettings({ connectionId: o.connection, enabled: false, principal: CLI }),
      );
      printLine('Opening sync is off.');
    });
  openings
    .command('sync')
    .description('sync positions to Ashby now')
    .requiredOption('--connection <id>', 'connection id')
    .option('--wait', 'run it here and wait for the result')
    .option('--timeout <seconds>', 'how long --wait waits', '300')
    .option('--json', 'print JSON')
    .action(async (o: { connection: string; wait?: boolean; timeout: string; json?: boolean }) => {
      const timeoutMs = Number(o.timeout) * 1000;
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
        throw new UsageError('--timeout must be a number of seconds');
      await withContainer(async (c) => {
        const requestedAt = c.clock.now();
        const { runId } = await c.openings.requestSync(o.connection, 'cli');
        if (!o.wait) {
          if (o.json) return printJson({ runId, status: 'queued' });
          return printLine(`Sync queued, run ${runId}; a running server or worker does it.`);
        }
        // Run it here too, alongside any running server's worker: the queue hands the run to one of them.
        const worker = c.createWorker({ pollIntervalMs: 100 });
        worker.start();
        const deadline = c.clock.now() + timeoutMs;
        try {
          for (;;) {
            const run = await c.openings.finishedRunSince(o.connection, requestedAt);
            if (run) {
              if (o.json) return printJson(run);
              printLine(
                `Sync ${run.status}: ${run.created} created, ${run.updated} updated, ${run.closed} closed, ${run.failed} failed.`,
              );
              for (const e of run.errors) printLine(`  ${e.positionId ?? 'run'}: ${e.message}`);
              if (run.status === 'failed') process.exitCode = 1;
              return;
            }
            if (c.clock.now() > deadline)
              throw new UsageError(`No sync run finished within ${o.timeout} s (run ${runId} was queued)`);
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        } finally {
          await worker.stop();
        }
      });
    });
}
