import type { Command } from 'commander';
import type { Principal } from '../core/auth/role.js';
import type { PushStatus } from '../core/model/destination.js';
import { printJson, printLine, printTable } from './output.js';
import { UsageError } from './usage-error.js';
import { withContainer } from './with-container.js';

const CLI: Principal = { kind: 'token', id: 'cli', name: 'cli', role: 'admin' };
const collect = (value: string, previous: string[]) => [...previous, value];
const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

/** KEY=VALUE pairs into an object; a pair without "=" is a usage error naming it. */
function credentialsOf(pairs: readonly string[]): Record<string, string> {
  const credentials: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--credential ${pair}: expected KEY=VALUE`);
    credentials[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return credentials;
}

/** `destinations` and `pushes`: the admin's view of where added members go, from the shell. */
export function destinationCommands(program: Command): void {
  const destinations = program
    .command('destinations')
    .description('HR systems and webhooks members are pushed to');
  destinations
    .command('add <type>')
    .description('add a destination (tested with one call before it is saved)')
    .requiredOption('--name <name>', 'the name shown to admins')
    .option('--base-url <url>', "the system's API root, when not the default")
    .option(
      '--credential <key=value>',
      'a credential (repeatable), e.g. --credential url=https://...',
      collect,
      [],
    )
    .option('--json', 'print JSON')
    .action(
      async (
        type: string,
        opts: { name: string; baseUrl?: string; credential: string[]; json?: boolean },
      ) => {
        const { destination, generated } = await withContainer((c) =>
          c.services.destinations.add({
            type,
            name: opts.name,
            credentials: credentialsOf(opts.credential),
            principal: CLI,
            ...(opts.baseUrl === undefined ? {} : { baseUrl: opts.baseUrl }),
          }),
        );
        if (opts.json) return printJson({ ...destination, generatedCredentials: generated });
        printLine(`Added destination ${destination.id} (${destination.type}, ${destination.name}).`);
        for (const [key, value] of Object.entries(generated))
          printLine(`${key}: ${value}  (shown once: give it to the receiver now)`);
      },
    );
  destinations
    .command('list')
    .description('list destinations and their status')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const list = await withContainer((c) => c.services.destinations.list());
      if (opts.json) return printJson(list);
      printTable(
        list.map((d) => ({
          id: d.id,
          type: d.type,
          name: d.name,
          enabled: d.enabled ? 'yes' : 'no',
          status: d.status === 'ok' ? 'ok' : 'credentials refused',
        })),
      );
    });
  destinations
    .command('test <id>')
    .description('test the saved credentials; passing resumes paused pushes')
    .action(async (id: string) => {
      const { destination, resumedPushes } = await withContainer((c) =>
        c.services.destinations.test({ id, principal: CLI }),
      );
      printLine(`Destination ${destination.name} answered. Resumed ${resumedPushes} paused push(es).`);
    });
  destinations
    .command('remove <id>')
    .description('remove a destination and its push records')
    .action(async (id: string) => {
      await withContainer((c) => c.services.destinations.remove({ id, principal: CLI }));
      printLine(`Removed destination ${id}.`);
    });

  const pushes = program.command('pushes').description('deliveries of members to destinations');
  pushes
    .command('list')
    .description('list pushes, newest change first')
    .option('--status <status>', 'pending, delivered, failed or paused')
    .option('--json', 'print JSON')
    .action(async (opts: { status?: string; json?: boolean }) => {
      const statuses = ['pending', 'delivered', 'failed', 'paused'];
      if (opts.status !== undefined && !statuses.includes(opts.status))
        throw new UsageError(`--status must be one of ${statuses.join(', ')}`);
      const list = await withContainer((c) =>
        c.services.destinations.listPushes({
          limit: 500,
          ...(opts.status ? { status: opts.status as PushStatus } : {}),
        }),
      );
      if (opts.json) return printJson(list);
      printTable(
        list.map((p) => ({
          member: p.memberId,
          destination: p.destinationId,
          type: p.destinationType,
          status: p.status,
          attempts: p.attempts,
          updated: iso(p.updatedAt),
          error: p.lastError ?? '',
        })),
      );
    });
  pushes
    .command('retry <member> <destination>')
    .description('push a member to a destination again (after fixing what it refused)')
    .action(async (member: string, destination: string) => {
      await withContainer((c) =>
        c.services.destinations.retryPush({ memberId: member, destinationId: destination, principal: CLI }),
      );
      printLine(`Queued the push of member ${member} to destination ${destination}.`);
    });
}
