import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { printLine } from './output.js';
import { UsageError } from './usage-error.js';
import { withContainer } from './with-container.js';

/** `hirebridge backup --to FILE`: a consistent copy of the SQLite database while HireBridge runs. */
export function backupCommand(program: Command): void {
  program
    .command('backup')
    .description('copy the SQLite database to a new file while HireBridge keeps running')
    .requiredOption('--to <file>', 'where to write the copy (must not exist yet)')
    .action(async (options: { to: string }) => {
      const target = path.resolve(options.to);
      // Never overwrite: a typo must not replace an older backup, or the live database itself.
      if (fs.existsSync(target))
        throw new UsageError(`--to: ${options.to} already exists; choose a new file`);
      if (!fs.existsSync(path.dirname(target)))
        throw new UsageError(`--to: the folder ${path.dirname(options.to)} does not exist`);
      await withContainer(async (container) => {
        if (container.database.dialect !== 'sqlite')
          throw new UsageError(
            'backup copies the SQLite database; on PostgreSQL use pg_dump (see the README)',
          );
        const { pages } = await container.database.backup(target);
        // The copy holds sealed secrets and personal data: only this user may read it.
        fs.chmodSync(target, 0o600);
        printLine(`Backed up the database to ${target} (${pages} pages).`);
      });
    });
}
