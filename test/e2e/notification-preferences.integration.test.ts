import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../../src/connectors/kit/testing/upstream-server.js';
import { startSmtpSink, type SmtpSink } from '../../src/connectors/smtp/fake/smtp-sink.js';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { SessionClient } from '../support/session-client.js';
import { addSignedUpUser } from '../support/signed-up-user.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d';
const PASSWORD = 'a long enough passphrase';

/**
 * Each user's own notification preferences: Grace turns in-app notifications off and asks to be
 * mentioned in Slack; Ian turns emails off. A new hire then reaches each as they chose.
 */
describe.each(TEST_DIALECTS)('Notification preferences per user on %s', (dialect) => {
  let h: IntakeHarness;
  let smtp: SmtpSink;
  let slack: Upstream;
  let grace: string;
  let ian: string;
  const graceClient = () => new SessionClient(h.server.url);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    slack = await startUpstream((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
    );
    h = await startIntakeHarness(dialect, {
      env: { SMTP_URL: smtp.url, SMTP_FROM: 'HireBridge <hirebridge@example.com>' },
    });
    grace = await addSignedUpUser(h.server, {
      email: 'grace@example.com',
      name: 'Grace Admin',
      role: 'admin',
      password: PASSWORD,
    });
    ian = await addSignedUpUser(h.server, {
      email: 'ian@example.com',
      name: 'Ian Inbox',
      role: 'inbox',
      password: PASSWORD,
    });
    const saved = await h.api(`/api/v1/connections/${h.connectionId}/notification-settings`, {
      method: 'PUT',
      body: JSON.stringify({
        recipients: [grace, ian],
        slackWebhookUrl: `${slack.url}/services/T000/B000/secret`,
      }),
    });
    expect(saved.status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await h?.dispose();
    await smtp?.close();
    await slack?.close();
  });

  const signedIn = async (email: string) => {
    const client = graceClient();
    await client.signIn(email, PASSWORD);
    await client.get('/api/v1/auth/session');
    return client;
  };

  it("keeps each user's own choice, with the defaults until they choose, and refuses a bad Slack id in words", async () => {
    const g = await signedIn('grace@example.com');
    expect((await g.get('/api/v1/me/notification-preferences')).body).toEqual({
      inApp: true,
      email: true,
      slackMemberId: null,
    });
    const bad = await g.call('PUT', '/api/v1/me/notification-preferences', {
      body: { inApp: true, email: true, slackMemberId: 'grace' },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('must be a Slack member id like U024BE7LH');
    const saved = await g.call('PUT', '/api/v1/me/notification-preferences', {
      body: { inApp: false, email: true, slackMemberId: 'U024BE7LH' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ inApp: false, email: true, slackMemberId: 'U024BE7LH' });
    const i = await signedIn('ian@example.com');
    expect(
      (
        await i.call('PUT', '/api/v1/me/notification-preferences', {
          body: { inApp: true, email: false, slackMemberId: '' },
        })
      ).body,
    ).toEqual({ inApp: true, email: false, slackMemberId: null });
    // An API token is no user: it has no preferences.
    expect((await h.api('/api/v1/me/notification-preferences')).status).toBe(401);
  });

  it('tells each recipient of a new hire as they chose', async () => {
    h.sim.hire(ANNA);
    await h.settle(30_000);
    const inApp = async (userId: string) =>
      (await h.api<{ items: unknown[] }>(`/api/v1/notifications?userId=${userId}`)).body.items.length;
    expect(await inApp(grace)).toBe(0);
    expect(await inApp(ian)).toBe(1);
    const to = smtp.messages.filter((m) => m.subject.startsWith('New hire')).map((m) => m.to);
    expect(to).toEqual([['grace@example.com']]);
    const posts = slack.requests.filter((r) => r.path === '/services/T000/B000/secret');
    expect(posts).toHaveLength(1);
    expect((JSON.parse(posts[0]!.body) as { text: string }).text).toMatch(/\n<@U024BE7LH>$/);
  }, 60_000);
});
