import { AppError } from '../../core/errors/app-error.js';
import type { Clock } from '../../core/ports/clock.js';
import type { DestinationClient, PushedMember, PushResult } from '../../core/ports/destination.js';
import type { HttpClient } from '../kit/http-client.js';
import { PING_EVENT_TYPE, type WebhookEvent, type WebhookEventType } from './schemas.js';
import { signStandardWebhook } from './sign.js';
import { toWebhookEvent, webhookMessageId } from './to-event.js';

export interface WebhookCredentials {
  readonly url: string;
  readonly signingSecret: string;
}

/** 4xx answers whose body is read for the receiver's message (401/403/429 are classified by the kit). */
const READ_MESSAGE_OF = [400, 404, 405, 409, 410, 413, 415, 422];
const ENDPOINT = 'webhook';

/**
 * The signed outgoing webhook as a destination. It cannot look a person up remotely: its "lookup" is
 * the recorded delivery. A member whose `member.created` was delivered has the member id as remote id,
 * so the push machinery only ever sends `member.updated` afterwards; a crash between sending and
 * recording re-sends the same `webhook-id`, which receivers deduplicate on.
 */
export function webhookClient(
  http: HttpClient,
  clock: Clock,
  credentials: WebhookCredentials,
  limiterKey: string,
): DestinationClient {
  async function send(event: WebhookEvent, id: string, signal?: AbortSignal): Promise<void> {
    const body = JSON.stringify(event);
    const timestampSeconds = Math.floor(clock.now() / 1000);
    const response = await http.request({
      method: 'POST',
      url: credentials.url,
      endpoint: ENDPOINT,
      limiterKey,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'HireBridge-Webhooks/1',
        'webhook-id': id,
        'webhook-timestamp': String(timestampSeconds),
        'webhook-signature': signStandardWebhook(credentials.signingSecret, { id, timestampSeconds, body }),
      },
      body,
      // Receivers deduplicate on webhook-id: sending one message twice is harmless.
      idempotent: true,
      acceptStatuses: READ_MESSAGE_OF,
      ...(signal ? { signal } : {}),
    });
    if (response.status >= 300) {
      const said = response.text().replace(/\s+/g, ' ').trim().slice(0, 300);
      throw new AppError(
        'upstream_permanent',
        `The webhook receiver answered HTTP ${response.status}${said ? `: ${said}` : ''}`,
        { details: { endpoint: ENDPOINT, status: response.status, ...(said ? { message: said } : {}) } },
      );
    }
  }

  const event = (type: WebhookEventType, member: PushedMember, signal?: AbortSignal) =>
    send(toWebhookEvent(type, member, clock.now()), webhookMessageId(type, member), signal);

  return {
    testConnection: (signal) =>
      send(
        { type: PING_EVENT_TYPE, timestamp: new Date(clock.now()).toISOString(), data: {} },
        `msg_ping_${clock.now()}`,
        signal,
      ),
    findPerson: (_member, knownRemoteId) =>
      Promise.resolve(knownRemoteId ? { remoteId: knownRemoteId } : null),
    createPerson: async (member, signal): Promise<PushResult> => {
      await event('member.created', member, signal);
      return { remoteId: member.memberId, warnings: [] };
    },
    updatePerson: async (remoteId, member, signal): Promise<PushResult> => {
      await event('member.updated', member, signal);
      return { remoteId, warnings: [] };
    },
    deletePerson: async (_remoteId, member, signal) => {
      await event('member.deleted', member, signal);
    },
  };
}
