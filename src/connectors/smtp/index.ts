import { z } from 'zod';
import type { Mailer } from '../../core/ports/notification-channels.js';
import type { ConnectorDefinition } from '../definition.js';
import { smtpMailer } from './smtp-mailer.js';

const credentials = z.object({
  /** smtp://user:pass@host:587 or smtps://user:pass@host:465. */
  url: z.string().min(1, 'url is required'),
  /** The From header. */
  from: z.string().min(1, 'from is required'),
});

/** Email over SMTP (nodemailer), a notifier. The server address and login travel in the URL. */
export const smtp = {
  type: 'smtp',
  kind: 'notifier',
  label: 'Email (SMTP)',
  credentials,
  defaultBaseUrl: undefined,
  capabilities: ['email'],
  // 15 s per connect, greeting and idle socket: a dead mail server must not hold a queue worker long.
  create: (_context, c) => smtpMailer({ url: c.url, from: c.from, timeoutMs: 15_000 }),
} satisfies ConnectorDefinition<'smtp', 'notifier', z.infer<typeof credentials>, Mailer>;
