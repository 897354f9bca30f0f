import type { Command } from 'commander';
import type { User } from '../core/model/user.js';
import type { Container } from '../main/container.js';
import { printLine } from './output.js';
import { withContainer } from './with-container.js';

/**
 * `users deactivate|reactivate|reset-link <user>`: as on the Users page, audited as "cli". `findUser` is passed in
 * by people-commands.ts, which registers these under its `users` command (no import cycle).
 */
export function userLifecycleCommands(
  users: Command,
  findUser: (c: Container, idOrEmail: string) => Promise<User>,
): void {
  for (const [name, active, description] of [
    ['deactivate', false, 'end their sessions and API tokens at once; they cannot sign in until reactivated'],
    ['reactivate', true, 'let a deactivated user sign in again (revoked tokens stay revoked)'],
  ] as const) {
    users
      .command(`${name} <user>`)
      .description(`${description} (user id or email)`)
      .action(async (idOrEmail: string) => {
        const user = await withContainer(async (c) => {
          const found = await findUser(c, idOrEmail);
          return c.setUserActive(found.id, active);
        });
        printLine(`${active ? 'Reactivated' : 'Deactivated'} ${user.name} <${user.email}>.`);
      });
  }
  users
    .command('reset-link <user>')
    .description(
      'print a single-use link (valid 24 hours) with which a user chooses a new password (user id or email)',
    )
    .action(async (idOrEmail: string) => {
      const { user, link } = await withContainer(async (c) => {
        const found = await findUser(c, idOrEmail);
        return { user: found, link: await c.createResetLink(found.id) };
      });
      printLine(`Send this link to ${user.name} <${user.email}>; it works once, for 24 hours:`);
      printLine(link.resetUrl);
    });
}
