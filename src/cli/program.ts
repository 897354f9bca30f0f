import { Command } from 'commander';
import { ashbyCommands } from './ashby-commands.js';
import { backupCommand } from './backup-command.js';
import { destinationCommands } from './destination-commands.js';
import { documentCommands } from './document-commands.js';
import { inboxCommands } from './inbox-commands.js';
import { jobCommands } from './job-commands.js';
import { mappingCommands } from './mapping-commands.js';
import { printLine } from './output.js';
import { peopleCommands } from './people-commands.js';
import { positionCommands } from './position-commands.js';
import { tokenCommands } from './token-commands.js';
import { UsageError } from './usage-error.js';
import { withContainer } from './with-container.js';

export function buildProgram(): Command {
  const program = new Command('hirebridge')
    .description('HireBridge: Ashby hires into your HR systems, reviewed and exactly once')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('migrate')
    .description('apply pending database migrations (start does this too)')
    .action(async () => {
      // withContainer migrates before running the command; report what that did.
      await withContainer(async () => undefined);
      printLine('Database schema is up to date.');
    });
  program
    .command('start')
    .description('start HireBridge: HTTP and a worker (all), HTTP only (web) or jobs only (worker)')
    .option('--role <role>', 'all, web or worker (default: HIREBRIDGE_ROLE, else all)')
    .action(async (options: { role?: string }) => {
      const { loadConfigFromProcess } = await import('../config/config.js');
      const config = loadConfigFromProcess();
      const role = options.role ?? config.role;
      if (role !== 'all' && role !== 'web' && role !== 'worker')
        throw new UsageError('--role must be one of: all, web, worker');
      const { runRole } = await import('../main/run-role.js');
      await runRole({ ...config, role });
    });
  program
    .command('worker')
    .description('run a worker process only (no HTTP), for scaling out on PostgreSQL')
    .action(async () => {
      const { runWorkerProcess } = await import('../main/worker-process.js');
      await runWorkerProcess();
    });
  ashbyCommands(program);
  inboxCommands(program);
  tokenCommands(program);
  jobCommands(program);
  mappingCommands(program);
  documentCommands(program);
  peopleCommands(program);
  backupCommand(program);
  positionCommands(program);
  destinationCommands(program);
  return program;
}
