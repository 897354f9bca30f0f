import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors/app-error.js';
import type { NewHire } from '../core/model/new-hire.js';
import type { NotificationSend } from '../core/model/notification.js';
import type { User } from '../core/model/user.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { NotificationStore } from '../core/ports/notification-store.js';
import { sendNotification, type SendDeps } from './send-notification.js';

const field = (value: string) => ({ value, source: { ruleId: 'r', description: 'd', usedDefault: false } });
const HIRE = {
  id: 'nh',
  status: 'in_review',
  fields: {
    firstName: field('Ada'),
    lastName: field('Lovelace'),
    jobTitle: field('Engineer'),
    employmentStartDate: field('2030-01-02'),
  },
} as unknown as NewHire;
const USER: User = {
  id: 'u1',
  email: 'ada.manager@example.com',
  name: 'M',
  role: 'inbox',
  createdAt: 0,
  createdBy: 't',
  signedUp: true,
};

function setup(
  options: {
    mailer?: (to: string) => Promise<void>;
    hire?: NewHire | undefined;
    user?: User;
    channel?: 'email' | 'slack';
  } = {},
) {
  let send: NotificationSend = {
    id: 's1',
    newHireId: 'nh',
    connectionId: 'c1',
    channel: options.channel ?? 'email',
    userId: options.channel === 'slack' ? null : 'u1',
    status: 'pending',
    attempts: 0,
    lastError: null,
    sentAt: null,
    createdAt: 0,
    updatedAt: 0,
  };
  const mails: { to: string; subject: string; text: string }[] = [];
  const slack: { url: string; text: string }[] = [];
  const hire = 'hire' in options ? options.hire : HIRE;
  const deps: SendDeps = {
    notifications: {
      findSend: async () => send,
      updateSend: async (_id, c) => {
        send = { ...send, status: c.status, attempts: c.attempts, lastError: c.lastError, sentAt: c.sentAt };
      },
      slackWebhookUrl: async () => 'https://hooks.slack.test/x',
      // No recipients chose a Slack mention here (mentions are tested end to end).
      settings: async () => ({ recipientIds: [], connectedByUserId: null }) as never,
    } as Partial<NotificationStore> as NotificationStore,
    preferences: { preferencesOf: async () => new Map() },
    inbox: { read: (work) => work({ findNewHire: async () => hire } as never) } as InboxStore,
    users: { find: async () => options.user ?? USER } as never,
    mailer: {
      send: async (m) => {
        await options.mailer?.(m.to);
        mails.push(m);
      },
    },
    slack: { post: async (url, m) => void slack.push({ url, text: m.text }) },
    publicUrl: 'https://hb.example.com',
    clock: { now: () => 1000 },
  };
  return { deps, mails, slack, current: () => send };
}

describe('sendNotification', () => {
  it('emails the recipient with the name, job, start date and link, once', async () => {
    const { deps, mails, current } = setup();
    expect(await sendNotification(deps, { sendId: 's1', finalAttempt: false })).toBe('sent');
    expect(mails).toEqual([
      {
        to: 'ada.manager@example.com',
        subject: 'New hire: Ada Lovelace, Engineer',
        text: expect.stringContaining('starts on 2030-01-02') as string,
      },
    ]);
    expect(mails[0]?.text).toContain('https://hb.example.com/new-hires/nh');
    expect(current()).toMatchObject({ status: 'sent', attempts: 1, sentAt: 1000 });
    // The job ran again (a lost lease): nothing is sent twice.
    expect(await sendNotification(deps, { sendId: 's1', finalAttempt: false })).toBe('skipped');
    expect(mails).toHaveLength(1);
  });

  it('records a retryable failure as retrying and rethrows it for the queue; the last attempt marks it failed', async () => {
    const down = new AppError('upstream_retryable', 'smtp: sending failed (ECONNREFUSED)');
    const { deps, current } = setup({ mailer: () => Promise.reject(down) });
    await expect(sendNotification(deps, { sendId: 's1', finalAttempt: false })).rejects.toBe(down);
    expect(current()).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastError: 'smtp: sending failed (ECONNREFUSED)',
    });
    await expect(sendNotification(deps, { sendId: 's1', finalAttempt: true })).rejects.toBe(down);
    expect(current()).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('marks a permanent failure failed at once, keeping addresses out of the error', async () => {
    const refused = new AppError('upstream_permanent', 'smtp: the server answered 550');
    const { deps, current } = setup({ mailer: () => Promise.reject(refused) });
    await expect(sendNotification(deps, { sendId: 's1', finalAttempt: false })).rejects.toBe(refused);
    expect(current()).toMatchObject({ status: 'failed', lastError: 'smtp: the server answered 550' });
    const odd = setup({ mailer: () => Promise.reject(new Error('550 <ada.manager@example.com> unknown')) });
    await expect(sendNotification(odd.deps, { sendId: 's1', finalAttempt: false })).rejects.toThrow();
    expect(odd.current().lastError).toBe('unexpected failure (Error)');
  });

  it('cancels instead of announcing a deleted new hire, or telling a user who lost the inbox permission', async () => {
    const deleted = setup({ hire: { ...HIRE, status: 'deleted' } });
    expect(await sendNotification(deleted.deps, { sendId: 's1', finalAttempt: false })).toBe('cancelled');
    expect(deleted.mails).toHaveLength(0);
    const viewer = setup({ user: { ...USER, role: 'viewer' } });
    expect(await sendNotification(viewer.deps, { sendId: 's1', finalAttempt: false })).toBe('cancelled');
    expect(viewer.mails).toHaveLength(0);
  });

  it('posts the Slack message to the connection webhook', async () => {
    const { deps, slack } = setup({ channel: 'slack' });
    expect(await sendNotification(deps, { sendId: 's1', finalAttempt: false })).toBe('sent');
    expect(slack).toEqual([
      {
        url: 'https://hooks.slack.test/x',
        text: expect.stringMatching(/^\*New hire: Ada Lovelace, Engineer\*\n/) as string,
      },
    ]);
  });
});
