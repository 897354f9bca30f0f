import { createTransport } from 'nodemailer';
import { AppError } from '../../core/errors/app-error.js';
import type { Mailer } from '../../core/ports/notification-channels.js';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. */
  readonly url: string;
  /** The From header, e.g. "HireBridge <hirebridge@example.com>". */
  readonly from: string;
  /** Connect, greeting and socket idle limits. */
  readonly timeoutMs: number;
}

/**
 * Email over SMTP with nodemailer. One message per call, no pooling: notifications are few, and a fresh
 * connection per message keeps a dead server from holding a queue worker. Failures are classified for
 * the job queue: SMTP 4xx replies and network trouble are retryable, 5xx replies and refused
 * credentials are permanent. Messages name the reply code or network code only: SMTP replies often
 * quote the recipient address, which must not reach logs or the job table.
 */
export function smtpMailer(options: SmtpOptions): Mailer {
  const transport = createTransport({
    url: options.url,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    send: async (message) => {
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
      } catch (err) {
        throw smtpError(err);
      }
    },
  };
}

export function smtpError(err: unknown): AppError {
  const e = (err ?? {}) as { responseCode?: unknown; code?: unknown };
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const code = typeof e.code === 'string' && /^[A-Z0-9_]{2,40}$/.test(e.code) ? e.code : undefined;
  if (reply !== undefined) {
    const retryable = reply >= 400 && reply < 500;
    return new AppError(
      retryable ? 'upstream_retryable' : 'upstream_permanent',
      `smtp: the server answered ${reply}`,
      {
        details: { endpoint: 'smtp', smtpReply: reply, ...(code ? { smtpCode: code } : {}) },
        cause: err,
      },
    );
  }
  const permanent = code === 'EAUTH' || code === 'EENVELOPE' || code === 'EMESSAGE';
  return new AppError(
    permanent ? 'upstream_permanent' : 'upstream_retryable',
    `smtp: sending failed${code ? ` (${code})` : ''}`,
    {
      details: { endpoint: 'smtp', ...(code ? { smtpCode: code } : {}) },
      cause: err,
    },
  );
}
