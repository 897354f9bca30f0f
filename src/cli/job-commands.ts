import type { Command } from 'commander';
import { JOB_STATES, type JobStateName } from '../core/model/job-view.js';
import { printJson, printLine, printTable } from './output.js';
import { UsageError } from './usage-error.js';
import { withContainer } from './with-container.js';

export function jobCommands(program: Command): void {
  const jobs = program.command('jobs').description('the durable job queue');
  jobs
    .command('list')
    .description('list jobs, newest first')
    .option('--state <state>', `one of ${JOB_STATES.join(', ')}`)
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(async (options: { state?: string; limit: string; json?: boolean }) => {
      if (options.state !== undefined && !(JOB_STATES as readonly string[]).includes(options.state)) {
        throw new UsageError(`--state must be one of: ${JOB_STATES.join(', ')}`);
      }
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new UsageError('--limit must be 1 to 1000');
      const list = await withContainer((c) =>
        c.jobs.list({ limit, ...(options.state ? { state: options.state as JobStateName } : {}) }),
      );
      if (options.json) return printJson({ items: list });
      printTable(
        list.map((j) => ({
          id: j.id,
          kind: j.kind,
          state: j.state,
          attempt: `${j.attempt}/${j.maxAttempts}`,
          lastError: j.lastError,
        })),
      );
    });
  jobs
    .command('retry <id>')
    .description('retry a dead job with a fresh attempt budget')
    .action(async (id: string) => {
      const job = await withContainer((c) => c.services.retryJob(id));
      printLine(`Job ${job.id} (${job.kind}) is ${job.state} again.`);
    });
}
