import type { Command } from 'commander';
import { ROLES, type Role } from '../core/auth/role.js';
import { printJson, printLine, printTable } from './output.js';
import { UsageError } from './usage-error.js';
import { withContainer } from './with-container.js';

export function tokenCommands(program: Command): void {
  const token = program.command('token').description('API tokens for scripts and other systems');
  token
    .command('create')
    .description('create a token; it is printed once and only its hash is stored')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--role <role>', `admin or inbox`)
    .option('--json', 'print JSON')
    .action(async (options: { name: string; role: string; json?: boolean }) => {
      if (!(ROLES as readonly string[]).includes(options.role)) {
        throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
      }
      const created = await withContainer((c) =>
        c.createApiToken({ name: options.name, role: options.role as Role }),
      );
      if (options.json) {
        printJson({ id: created.id, name: created.name, role: created.role, token: created.token });
        return;
      }
      printLine(`Created token "${created.name}" (${created.role}), id ${created.id}.`);
      printLine('Copy it now; it will not be shown again:');
      printLine(created.token);
    });
  token
    .command('list')
    .description('list tokens (never their values)')
    .action(async () => {
      const tokens = await withContainer((c) => c.listApiTokens());
      printTable(
        tokens.map((t) => ({
          id: t.id,
          name: t.name,
          role: t.role,
          created: new Date(t.createdAt).toISOString(),
          // The user whose deactivation ends the token; tokens made here belong to nobody.
          madeBy: t.userId ?? 'command line',
          lastUsed: t.lastUsedAt === null ? null : new Date(t.lastUsedAt).toISOString(),
          revoked: t.revokedAt === null ? null : new Date(t.revokedAt).toISOString(),
        })),
      );
    });
  token
    .command('revoke <id>')
    .description('revoke a token at once')
    .action(async (id: string) => {
      const revoked = await withContainer((c) => c.revokeApiToken(id));
      if (!revoked) throw new UsageError(`No active token with id ${id}`);
      printLine(`Revoked ${id}.`);
    });
}
