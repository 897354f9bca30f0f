import { isCalendarDate } from '../core/model/calendar-date.js';
import type { Command } from 'commander';
import { isAppError } from '../core/errors/app-error.js';
import type { AshbyConnection } from '../core/model/ashby-connection.js';
import type { PermissionReport } from '../core/ports/ashby-gateway.js';
import { reconcileCommand } from './ashby-reconcile-command.js';
import { findUser } from './people-commands.js';
import { printJson, printLine } from './output.js';
import { UsageError } from './usage-error.js';
import { withContainer } from './with-container.js';

function printPermissions(report: PermissionReport): void {
  for (const p of report.required)
    printLine(`  ${p.granted ? 'ok     ' : 'MISSING'} ${p.name}: ${p.purpose}`);
  for (const p of report.optional)
    printLine(`  ${p.granted ? 'ok     ' : 'absent '} ${p.name} (optional): ${p.purpose}`);
}

function printWebhooks(connection: AshbyConnection): void {
  if (connection.ashbyWebhooks.length === 0) {
    printLine(
      'Add the webhooks in Ashby (Admin › Integrations › Webhooks) for candidateHire, applicationUpdate,',
    );
    printLine('candidateDelete and candidateMerge, with the Request URL and Secret Token above.');
    return;
  }
  for (const w of connection.ashbyWebhooks) {
    printLine(
      `  ${w.webhookType}: ${w.id ? `created in Ashby (${w.enabled ? 'enabled' : 'disabled: its ping failed; is HireBridge reachable at the URL?'})` : `not created: ${w.error ?? 'unknown error'}`}`,
    );
  }
}

export function ashbyCommands(program: Command): void {
  const ashby = program.command('ashby').description('Ashby connections, backfill, reconcile');
  ashby
    .command('connect')
    .description('check an Ashby API key, store it encrypted, and print the webhook URL and Secret Token')
    .requiredOption('--api-key <key>', 'Ashby API key')
    .option('--api-url <url>', 'Ashby API base URL', 'https://api.ashbyhq.com')
    .option('--name <name>', 'a name for this Ashby account')
    .option(
      '--connected-by <user>',
      'the admin user (id or email) connecting: the default recipient of new-hire notifications',
    )
    .option('--json', 'print JSON: {id, webhookUrl, secretToken, permissions}')
    .action(
      async (o: { apiKey: string; apiUrl: string; name?: string; connectedBy?: string; json?: boolean }) => {
        try {
          const result = await withContainer(async (c) =>
            c.services.connectAshby({
              apiKey: o.apiKey,
              apiUrl: o.apiUrl,
              actor: 'cli',
              ...(o.name ? { name: o.name } : {}),
              ...(o.connectedBy ? { connectedByUserId: (await findUser(c, o.connectedBy)).id } : {}),
            }),
          );
          if (o.json) {
            return printJson({
              id: result.connection.id,
              webhookUrl: result.webhookUrl,
              secretToken: result.secretToken,
              permissions: result.connection.permissions,
              ashbyWebhooks: result.connection.ashbyWebhooks,
            });
          }
          printLine(`Connected "${result.connection.name}" (id ${result.connection.id}).`);
          printPermissions(result.connection.permissions);
          printLine(`Request URL:  ${result.webhookUrl}`);
          printLine(`Secret Token: ${result.secretToken}   (shown once; stored encrypted)`);
          printWebhooks(result.connection);
        } catch (err) {
          if (isAppError(err) && err.code === 'permission_missing') {
            const report = err.details?.['permissions'] as PermissionReport | undefined;
            if (o.json)
              printJson({
                error: { code: err.code, message: err.message, missing: err.details?.['missing'] },
              });
            else if (report) printPermissions(report);
          }
          throw err;
        }
      },
    );
  ashby
    .command('reconnect <id>')
    .description('replace the API key of a connection, keeping its URL, secret and settings')
    .requiredOption('--api-key <key>', 'the new Ashby API key')
    .action(async (id: string, o: { apiKey: string }) => {
      const connection = await withContainer((c) =>
        c.services.reconnectAshby({ connectionId: id, apiKey: o.apiKey, actor: 'cli' }),
      );
      printLine(`Reconnected "${connection.name}" (id ${connection.id}) with the new key.`);
      printPermissions(connection.permissions);
    });
  ashby
    .command('list')
    .description('list Ashby connections')
    .action(async () => {
      const list = await withContainer((c) => c.services.listConnections());
      for (const c of list) printLine(`${c.id}  ${c.name}  ${c.apiUrl}`);
      if (list.length === 0) printLine('(none)');
    });
  ashby
    .command('backfill')
    .description('import every past hire of a connection through the import job')
    .requiredOption('--connection <id>', 'connection id')
    .option('--since <YYYY-MM-DD>', 'import hires starting on or after this day (default: today, UTC)')
    .option('--include-past', 'import every hire, whatever its start date')
    .option('--no-wait', 'queue the imports and return; a running server or worker does them')
    .action(async (o: { connection: string; since?: string; includePast?: boolean; wait: boolean }) => {
      if (o.since !== undefined && !isCalendarDate(o.since)) {
        throw new UsageError('--since must be a date as YYYY-MM-DD, such as 2026-01-31');
      }
      await withContainer(async (c) => {
        const total = await c.backfillAshby(
          {
            connectionId: o.connection,
            ...(o.since === undefined ? {} : { since: o.since }),
            ...(o.includePast === true ? { includePast: true } : {}),
          },
          (p) =>
            printLine(`page ${p.pages}: ${p.found} hired applications found, ${p.queued} imports queued`),
        );
        printLine(
          total.startsOnOrAfter === null
            ? 'Every hire is imported, whatever its start date.'
            : `Hires starting before ${total.startsOnOrAfter} are skipped (--since or --include-past changes that).`,
        );
        if (!o.wait) return;
        // Import here too, alongside any running server's worker: the queue hands each job to one of them.
        const worker = c.createWorker({ pollIntervalMs: 100 });
        worker.start();
        try {
          for (;;) {
            const pending = await c.pendingImports(o.connection);
            printLine(`imported ${total.found - pending} of ${total.found}`);
            if (pending === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        } finally {
          await worker.stop();
        }
        printLine(
          'Backfill done. Failed imports, if any, are listed by `hirebridge jobs list --state dead`.',
        );
      });
    });
  reconcileCommand(ashby);
}
