import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors/app-error.js';
import { startSmtpSink, type SmtpSink } from './fake/smtp-sink.js';
import { freePort } from '../../../test/support/free-port.js';
import { smtpMailer } from './smtp-mailer.js';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink({ reject: ['nobody@example.com'] });
});
afterAll(() => sink.close());

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { code: err.code, retryable: err.retryable, message: err.message };
  }
  throw new Error('expected a failure');
}

describe('smtpMailer against a real SMTP server', () => {
  it('delivers the message with its From, To, subject and UTF-8 text', async () => {
    const mailer = smtpMailer({ url: sink.url, from: 'HireBridge <hb@example.com>', timeoutMs: 2000 });
    await mailer.send({
      to: 'ops@example.com',
      subject: 'New hire: Zoë Dubois, Designer',
      text: 'Zoë starts on 2030-01-02.',
    });
    const mail = sink.messages.at(-1);
    expect(mail).toMatchObject({
      from: 'hb@example.com',
      to: ['ops@example.com'],
      subject: 'New hire: Zoë Dubois, Designer',
      text: 'Zoë starts on 2030-01-02.',
    });
  });

  it('classes a refused mailbox as permanent, naming the reply code and not the address', async () => {
    const mailer = smtpMailer({ url: sink.url, from: 'hb@example.com', timeoutMs: 2000 });
    const refused = await failure(mailer.send({ to: 'nobody@example.com', subject: 's', text: 't' }));
    expect(refused).toEqual({
      code: 'upstream_permanent',
      retryable: false,
      message: 'smtp: the server answered 550',
    });
  });

  it('classes an unreachable server as retryable', async () => {
    const mailer = smtpMailer({
      url: `smtp://127.0.0.1:${await freePort()}`,
      from: 'hb@example.com',
      timeoutMs: 2000,
    });
    const down = await failure(mailer.send({ to: 'ops@example.com', subject: 's', text: 't' }));
    expect(down).toMatchObject({ code: 'upstream_retryable', retryable: true });
    expect(down.message).toMatch(/^smtp: sending failed/);
  });
});
