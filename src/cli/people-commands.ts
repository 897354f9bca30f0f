import type { Command } from 'commander';
import type { Principal } from '../core/auth/role.js';
import { AppError } from '../core/errors/app-error.js';
import { USER_ROLES, mayManageInbox, type User } from '../core/model/user.js';
import type { Container } from '../main/container.js';
import { printSetupLink } from '../main/setup-link.js';
import { printJson, printLine, printTable } from './output.js';
import { UsageError } from './usage-error.js';
import { userLifecycleCommands } from './user-lifecycle-commands.js';
import { withContainer } from './with-container.js';

/** The CLI acts as an admin; the audit log names it "cli". */
const CLI: Principal = { kind: 'token', id: 'cli', name: 'cli', role: 'admin' };

const ROLE_TEXT: Record<User['role'], string> = { admin: 'admin', inbox: 'inbox manager', viewer: 'viewer' };

/** A user named by id or email (without case). */
export async function findUser(c: Container, idOrEmail: string): Promise<User> {
  const users = await c.services.people.listUsers();
  const found = users.find(
    (u) => u.id === idOrEmail || u.email.toLowerCase() === idOrEmail.trim().toLowerCase(),
  );
  if (!found) throw new UsageError(`No user with id or email ${idOrEmail}`);
  return found;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function peopleCommands(program: Command): void {
  const users = program
    .command('users')
    .description('HireBridge users (people who work in HireBridge, not directory members)');
  users
    .command('add')
    .description('add a user; roles: admin, inbox (inbox manager: "Manage ATS inbox"), viewer')
    .requiredOption('--email <email>', 'their email address (notifications go there)')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--role <role>', USER_ROLES.join(', '))
    .option('--json', 'print JSON')
    .action(async (o: { email: string; name: string; role: string; json?: boolean }) => {
      if (!(USER_ROLES as readonly string[]).includes(o.role))
        throw new UsageError(`--role must be one of: ${USER_ROLES.join(', ')}`);
      const user = await withContainer((c) =>
        c.services.people.addUser({ email: o.email, name: o.name, role: o.role, principal: CLI }),
      );
      if (o.json) return printJson(user);
      printLine(`Added ${user.name} <${user.email}> as ${ROLE_TEXT[user.role]}, id ${user.id}.`);
      printLine(`Send them this invite link (valid 7 days, single use): ${user.inviteUrl}`);
    });
  users
    .command('setup-link')
    .description(
      'print a fresh first-run setup link that creates the first admin (earlier links stop working)',
    )
    .action(async () => {
      const url = await withContainer((c) => c.createSetupLink());
      if (url === undefined)
        throw new AppError(
          'conflict',
          'Setup is already done: a user can sign in. Admins invite new users from the Users page.',
        );
      printSetupLink(url);
    });
  users
    .command('list')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const items = await withContainer((c) => c.services.people.listUsers());
      if (o.json) return printJson({ items });
      printTable(
        items.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: ROLE_TEXT[u.role],
          notified: mayManageInbox(u.role) ? 'may be' : 'never',
        })),
      );
    });
  userLifecycleCommands(users, findUser);

  const notifications = program
    .command('notifications')
    .description('new-hire notifications: recipients, Slack, sends');
  notifications
    .command('settings <connectionId>')
    .description("show or change who is notified of a connection's new hires, and its Slack incoming webhook")
    .option(
      '--recipient <user>',
      'a user id or email (repeat for several); replaces the current choice',
      collect,
    )
    .option('--default-recipients', 'back to the default: the admin who connected Ashby')
    .option('--slack-webhook <url>', 'a Slack incoming-webhook URL (stored encrypted)')
    .option('--remove-slack', 'remove the Slack webhook')
    .option('--json', 'print JSON')
    .action(
      async (
        connectionId: string,
        o: {
          recipient?: string[];
          defaultRecipients?: boolean;
          slackWebhook?: string;
          removeSlack?: boolean;
          json?: boolean;
        },
      ) => {
        if (o.recipient && o.defaultRecipients)
          throw new UsageError('use --recipient or --default-recipients, not both');
        const view = await withContainer(async (c) => {
          const recipientIds = o.recipient
            ? await Promise.all(o.recipient.map(async (r) => (await findUser(c, r)).id))
            : o.defaultRecipients
              ? null
              : undefined;
          const slackWebhookUrl = o.slackWebhook ?? (o.removeSlack ? null : undefined);
          if (recipientIds === undefined && slackWebhookUrl === undefined)
            return c.services.people.notificationSettings(connectionId);
          return c.services.people.saveNotificationSettings({
            connectionId,
            principal: CLI,
            ...(recipientIds === undefined ? {} : { recipientIds }),
            ...(slackWebhookUrl === undefined ? {} : { slackWebhookUrl }),
          });
        });
        if (o.json) return printJson(view);
        printLine(`Recipients${view.usingDefault ? ' (default: the admin who connected Ashby)' : ''}:`);
        for (const u of view.recipients)
          printLine(`  ${u.name} <${u.email}> (${ROLE_TEXT[u.role]}), id ${u.id}`);
        if (view.recipients.length === 0) printLine('  (nobody: add an admin or inbox manager)');
        printLine(
          `Channels: in-app; email ${view.channels.email ? 'on' : 'off (set SMTP_URL)'}; Slack ${view.channels.slack ? 'on' : 'off'}`,
        );
      },
    );
  notifications
    .command('sends')
    .description('emails and Slack messages sent or failing (failed ones with their last error)')
    .option('--status <status>', 'pending, retrying, sent, failed or cancelled')
    .option('--json', 'print JSON')
    .action(
      async (o: { status?: 'pending' | 'retrying' | 'sent' | 'failed' | 'cancelled'; json?: boolean }) => {
        const items = await withContainer((c) =>
          c.services.people.listSends({ limit: 200, ...(o.status ? { status: o.status } : {}) }),
        );
        if (o.json) return printJson({ items });
        printTable(
          items.map((s) => ({
            id: s.id,
            newHire: s.newHireId,
            channel: s.channel,
            user: s.userId,
            status: s.status,
            attempts: s.attempts,
            lastError: s.lastError,
          })),
        );
      },
    );
}
