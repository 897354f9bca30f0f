import type { Command } from 'commander';
import { AppError } from '../core/errors/app-error.js';
import { printJson, printLine } from './output.js';
import { withContainer } from './with-container.js';

/**
 * `hirebridge ashby reconcile --connection ID`: runs the periodic reconciliation of one connection now
 * (the same use case the recurring `ashby.reconcile` job runs), then, unless --no-wait, imports what it
 * queued. Useful after fixing a wrong Secret Token, to bring in the hires whose webhooks Ashby dropped.
 */
export function reconcileCommand(ashby: Command): void {
  ashby
    .command('reconcile')
    .description(
      'catch hires whose webhooks were lost: sync application changes from Ashby now and import the hired ones',
    )
    .requiredOption('--connection <id>', 'connection id')
    .option('--no-wait', 'queue the imports and return; a running server or worker does them')
    .option('--json', 'print the result as JSON')
    .action(async (o: { connection: string; wait: boolean; json?: boolean }) => {
      await withContainer(async (c) => {
        const result = await c.reconcileAshby(o.connection);
        if (!result) throw new AppError('not_found', 'Ashby connection not found');
        if (o.json) printJson(result);
        else {
          printLine(
            `${result.mode} sync${result.tokenRefused ? ' (Ashby refused the stored sync token)' : ''}: ` +
              `${result.seen} applications in ${result.pages} pages, ${result.hired} hired, ${result.queued} imports queued`,
          );
        }
        if (!o.wait || result.queued === 0) return;
        // Import here too, alongside any running server's worker: the queue hands each job to one of them.
        const worker = c.createWorker({ pollIntervalMs: 100 });
        worker.start();
        try {
          while ((await c.pendingImports(o.connection)) > 0)
            await new Promise((resolve) => setTimeout(resolve, 500));
        } finally {
          await worker.stop();
        }
        if (!o.json)
          printLine('Imports done. Failed ones, if any, are listed by `hirebridge jobs list --state dead`.');
      });
    });
}
