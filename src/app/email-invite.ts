import type { Mailer } from '../core/ports/notification-channels.js';

/** What became of an invite email: sent, not sent because SMTP is not set up, or refused by the server. */
export type InviteEmail = 'sent' | 'not_configured' | 'failed';

/**
 * Emails a new user their invite link when SMTP is configured; the admin is shown the link to copy in
 * every case. Sent at once, not through the job queue: the link is a sign-up secret, and a job would
 * keep it in the jobs table; an email that fails is reported to the admin, who still has the link.
 */
export async function emailInvite(
  deps: { readonly mailer: Mailer | undefined; readonly log?: (problem: string) => void },
  input: { readonly to: string; readonly name: string; readonly inviteUrl: string },
): Promise<InviteEmail> {
  if (!deps.mailer) return 'not_configured';
  try {
    await deps.mailer.send({
      to: input.to,
      subject: 'You are invited to HireBridge',
      text: [
        `Hello ${input.name},`,
        '',
        'You have been invited to HireBridge, where new hires from Ashby are reviewed and added to the directory.',
        'Choose your password here (the link works once, for 7 days):',
        input.inviteUrl,
      ].join('\n'),
    });
    return 'sent';
  } catch (err) {
    // The error names the SMTP problem, never the link.
    deps.log?.(err instanceof Error ? err.message : String(err));
    return 'failed';
  }
}

/** The admin's add-user and invite actions with the invite emailed as well. */
export function withInviteEmails<
  A,
  U extends { email: string; name: string; inviteUrl: string },
  I extends { userId: string },
>(
  people: {
    addUser(input: A): Promise<U>;
    inviteUser(input: I): Promise<{ inviteUrl: string }>;
  },
  deps: {
    readonly mailer: Mailer | undefined;
    readonly findUser: (id: string) => Promise<{ email: string; name: string } | undefined>;
    readonly log?: (problem: string) => void;
  },
) {
  return {
    addUser: async (input: A): Promise<U & { emailed: InviteEmail }> => {
      const user = await people.addUser(input);
      return {
        ...user,
        emailed: await emailInvite(deps, { to: user.email, name: user.name, inviteUrl: user.inviteUrl }),
      };
    },
    inviteUser: async (input: I): Promise<{ inviteUrl: string; emailed: InviteEmail }> => {
      const { inviteUrl } = await people.inviteUser(input);
      const user = await deps.findUser(input.userId);
      const emailed = user
        ? await emailInvite(deps, { to: user.email, name: user.name, inviteUrl })
        : 'failed';
      return { inviteUrl, emailed };
    },
  };
}
