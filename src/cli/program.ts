import { Command } from 'commander';
import { ashbyCommands } from './ashby-commands.js';
import { documentCommands } from './document-commands.js';
import { inboxCommands } from './inbox-commands.js';
import { jobCommands } from './job-commands.js';
import { mappingCommands } from './mapping-commands.js';
import { printLine } from './output.js';
import { peopleCommands } from './people-commands.js';
import { positionCommands } from './position-commands.js';
import { tokenCommands } from './token-commands.js';
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
  positionCommands(program);
  return program;
}
