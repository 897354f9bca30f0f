import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddedUserResponse, InviteUrlResponse } from '../../src/contract/people.js';
import { startSmtpSink, type SmtpSink } from '../../src/connectors/smtp/fake/smtp-sink.js';
import { bearerApi } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Invites are emailed when SMTP is configured, and the link is still answered for the admin to copy;
 * without SMTP the answer says the link was not emailed.
 */
describe.each(TEST_DIALECTS)('Invite emails on %s', (dialect) => {
  let smtp: SmtpSink;
  let withMail: TestServer;
  let withoutMail: TestServer;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    withMail = await startTestServer(dialect, {
      SMTP_URL: smtp.url,
      SMTP_FROM: 'HireBridge <hirebridge@example.com>',
    });
    withoutMail = await startTestServer(dialect);
  }, 60_000);
  afterAll(async () => {
    await withMail?.dispose();
    await withoutMail?.dispose();
    await smtp?.close();
  });

  const addUser = async (server: TestServer, email: string) =>
    bearerApi(server.url, await server.token('admin'))<AddedUserResponse>('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({ email, name: 'Dana Scully', role: 'inbox' }),
    });

  it('emails the invite link and still answers it to copy; a new link is emailed too', async () => {
    const added = await addUser(withMail, 'dana@example.com');
    expect(added.status).toBe(201);
    expect(added.body.emailed).toBe('sent');
    const [mail] = smtp.messages;
    expect(mail?.to).toEqual(['dana@example.com']);
    expect(mail?.subject).toBe('You are invited to HireBridge');
    expect(mail?.text).toContain(added.body.inviteUrl);

    const again = await bearerApi(withMail.url, await withMail.token('admin'))<InviteUrlResponse>(
      `/api/v1/users/${added.body.id}/invite`,
      { method: 'POST' },
    );
    expect(again.status).toBe(201);
    expect(again.body.emailed).toBe('sent');
    expect(again.body.inviteUrl).not.toBe(added.body.inviteUrl);
    expect(smtp.messages.at(-1)?.text).toContain(again.body.inviteUrl);
  });

  it('says the link was not emailed when SMTP is not set up', async () => {
    const added = await addUser(withoutMail, 'fox@example.com');
    expect(added.status).toBe(201);
    expect(added.body.emailed).toBe('not_configured');
    expect(added.body.inviteUrl).toMatch(/\/invite#/);
  });
});
