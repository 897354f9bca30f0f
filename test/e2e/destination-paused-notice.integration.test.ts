import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../src/connectors/webhook/fake/receiver.js';
import type { NotificationResponse } from '../../src/contract/people.js';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d';
const KEVIN = '9fb6f1e1-e29f-5730-9ab5-b4f8f5efa078';

interface Hire {
  id: string;
  missingRequired: string[];
  source: { applicationId: string };
}

describe.each(TEST_DIALECTS)(
  'A destination refusing its credentials notifies the admins in the app on %s',
  (dialect) => {
    let h: IntakeHarness;
    let receiver: WebhookReceiver;
    let destinationId: string;
    let secret: string;
    const admins: string[] = [];
    let inboxUser: string;

    beforeAll(async () => {
      h = await startIntakeHarness(dialect, {
        env: {
          ALLOW_PRIVATE_OUTBOUND: 'true',
          DESTINATION_RETRY_BASE_MS: '20',
          DESTINATION_TIMEOUT_MS: '2000',
        },
      });
      receiver = await startWebhookReceiver();
      for (const [email, role] of [
        ['ada@example.com', 'admin'],
        ['grace@example.com', 'admin'],
        ['ian@example.com', 'inbox'],
      ] as const) {
        const user = await h.api<{ id: string }>('/api/v1/users', {
          method: 'POST',
          body: JSON.stringify({ email, name: email.split('@')[0], role }),
        });
        expect(user.status).toBe(201);
        if (role === 'admin') admins.push(user.body.id);
        else inboxUser = user.body.id;
      }
      const added = await h.api<{ id: string; generatedCredentials: { signingSecret: string } }>(
        '/api/v1/destinations',
        {
          method: 'POST',
          body: JSON.stringify({ type: 'webhook', name: 'Payroll hook', credentials: { url: receiver.url } }),
        },
      );
      expect(added.status).toBe(201);
      destinationId = added.body.id;
      secret = added.body.generatedCredentials.signingSecret;
      // A receiver that never learned the secret answers 401 to every push.
      receiver.setSecret(null);
    });
    afterAll(async () => {
      await receiver.close();
      await h.dispose();
    });

    const destinationNotices = async (userId: string, unread = true) =>
      (
        await h.api<{ items: NotificationResponse[] }>(
          `/api/v1/notifications?userId=${userId}${unread ? '&unread=true' : ''}`,
        )
      ).body.items.filter((n) => n.kind === 'destination_paused');

    const addMember = async (applicationId: string): Promise<string> => {
      h.sim.hire(applicationId);
      await h.settle();
      const list = await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500');
      const hire = list.body.items.find((i) => i.source.applicationId === applicationId);
      if (!hire) throw new Error(`no new hire for ${applicationId}`);
      if (hire.missingRequired.length > 0) {
        const fields = Object.fromEntries(
          hire.missingRequired.map((k) => [k, k === 'employmentStartDate' ? '2027-01-04' : `${k} value`]),
        );
        await h.api(`/api/v1/new-hires/${hire.id}`, { method: 'PATCH', body: JSON.stringify({ fields }) });
      }
      const added = await h.api<{ id: string }>(`/api/v1/new-hires/${hire.id}/add-member`, {
        method: 'POST',
        body: JSON.stringify({ destinations: [destinationId] }),
      });
      expect(added.status).toBe(201);
      return added.body.id;
    };
    const pushStatus = async (memberId: string) =>
      (await h.api<{ items: { status: string }[] }>(`/api/v1/members/${memberId}/pushes`)).body.items[0]
        ?.status;

    it('pauses on 401 and gives each admin one unread notice naming the destination, linked to /destinations', async () => {
      const memberId = await addMember(ANNA);
      await waitFor('the push to pause', async () => (await pushStatus(memberId)) === 'paused');
      const destination = await h.api<{ status: string }>(`/api/v1/destinations/${destinationId}`);
      expect(destination.body.status).toBe('credentials_refused');

      for (const admin of admins) {
        const notices = await destinationNotices(admin);
        expect(notices).toHaveLength(1);
        expect(notices[0]).toMatchObject({
          userId: admin,
          kind: 'destination_paused',
          readAt: null,
          newHireId: null,
          newHire: null,
          destination: {
            id: destinationId,
            name: 'Payroll hook',
            type: 'webhook',
            status: 'credentials_refused',
            link: `${h.server.url}/destinations`,
          },
        });
        expect(notices[0]?.destination?.message).toMatch(/credentials refused \(HTTP 401\)/);
      }
      // Inbox managers do not manage destinations: nothing for them.
      expect(await destinationNotices(inboxUser, false)).toEqual([]);
      const count = await h.api<{ count: number }>(`/api/v1/notifications/unread-count?userId=${admins[0]}`);
      expect(count.body.count).toBeGreaterThanOrEqual(1);
    });

    it('a refusal while the notice is unread refreshes it; once read, the next pause is a new notice', async () => {
      const [first] = await destinationNotices(admins[0]!);
      // Resumed by a passing test, then refused again by the next push.
      receiver.setSecret(secret);
      const resumed = await h.api(`/api/v1/destinations/${destinationId}/test`, { method: 'POST' });
      expect(resumed.status).toBe(200);
      const [stillUnread] = await destinationNotices(admins[0]!);
      expect(stillUnread?.destination?.status).toBe('ok'); // the notice shows it resumed since
      receiver.setSecret(null);
      const memberId = await addMember(KEVIN);
      await waitFor('the second push to pause', async () => (await pushStatus(memberId)) === 'paused');
      const refreshed = await destinationNotices(admins[0]!);
      expect(refreshed.map((n) => n.id)).toEqual([first?.id]);
      expect(refreshed[0]?.destination?.status).toBe('credentials_refused');

      const read = await h.api(`/api/v1/notifications/${first?.id}/read?userId=${admins[0]}`, {
        method: 'POST',
      });
      expect(read.status).toBe(204);
      expect(await destinationNotices(admins[0]!)).toEqual([]);
      receiver.setSecret(secret);
      await h.api(`/api/v1/destinations/${destinationId}/test`, { method: 'POST' });
      await waitFor('the resumed push to deliver', async () => (await pushStatus(memberId)) === 'delivered');
      receiver.setSecret(null);
      const retried = await h.api(`/api/v1/members/${memberId}/pushes/${destinationId}/retry`, {
        method: 'POST',
      });
      expect(retried.status).toBe(200);
      await waitFor('the retried push to pause', async () => (await pushStatus(memberId)) === 'paused');
      const again = await destinationNotices(admins[0]!);
      expect(again).toHaveLength(1);
      expect(again[0]?.id).not.toBe(first?.id);
      // The other admin never read theirs: still one.
      expect(await destinationNotices(admins[1]!)).toHaveLength(1);
    });
  },
);
