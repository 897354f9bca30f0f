import { createHmac, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookEventSchema, type WebhookEvent } from '../schemas.js';

/**
 * A Standard Webhooks receiver, as a customer would run one: verifies `webhook-signature` over
 * `{id}.{timestamp}.{raw body}` with its own HMAC (written apart from the sender's, so a shared mistake
 * cannot pass), refuses timestamps more than 5 minutes off, deduplicates on `webhook-id`, and records
 * what it accepted. Knobs make it answer errors or drop connections, for the push tests and the demo.
 */
export interface ReceivedEvent {
  readonly id: string;
  readonly timestampSeconds: number;
  readonly event: WebhookEvent;
}

/** What the receiver does with the next requests instead of verifying them. */
export type ReceiverFault =
  { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string } | 'drop';

export interface WebhookReceiver {
  readonly url: string;
  /** The secret HireBridge showed when the destination was added (null: answer 401 to everything). */
  setSecret(secret: string | null): void;
  /** Accepted events, first delivery of each `webhook-id` only. */
  readonly events: ReceivedEvent[];
  /** Every request that arrived, faults and duplicates included. */
  requestCount(): number;
  /** Requests refused for a missing or wrong signature or timestamp. */
  rejectedCount(): number;
  /** Deliveries of an already accepted `webhook-id` (answered 2xx, not recorded again). */
  duplicateCount(): number;
  /** The next `times` requests get `fault`. */
  failNext(times: number, fault: ReceiverFault): void;
  /** Every request gets `fault` until cleared with null. */
  failAlways(fault: ReceiverFault | null): void;
  /** Member ids with a `member.created` accepted, and how many times each. */
  createdCounts(): Map<string, number>;
  close(): Promise<void>;
}

const TOLERANCE_SECONDS = 5 * 60;

export async function startWebhookReceiver(
  options: {
    secret?: string | null;
    now?: () => number;
    port?: number;
    onEvent?: (received: ReceivedEvent) => void;
  } = {},
): Promise<WebhookReceiver> {
  let secret = options.secret ?? null;
  const now = options.now ?? (() => Date.now());
  const events: ReceivedEvent[] = [];
  const seen = new Set<string>();
  let requests = 0;
  let rejected = 0;
  let duplicates = 0;
  const queued: ReceiverFault[] = [];
  let always: ReceiverFault | null = null;

  function verify(req: IncomingMessage, body: string): string | undefined {
    const id = header(req, 'webhook-id');
    const timestamp = header(req, 'webhook-timestamp');
    const signatures = header(req, 'webhook-signature');
    if (!secret) return 'no secret configured';
    if (!id || !timestamp || !signatures) return 'missing webhook headers';
    if (!/^\d+$/.test(timestamp)) return 'bad timestamp';
    if (Math.abs(now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return 'timestamp out of tolerance';
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
    const ok = signatures.split(' ').some((entry) => {
      const [version, value] = entry.split(',');
      if (version !== 'v1' || !value) return false;
      const given = Buffer.from(value, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    return ok ? undefined : 'signature mismatch';
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    requests += 1;
    const fault = queued.shift() ?? always;
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault) {
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...(fault.headers ?? {}) });
      res.end(fault.body ?? '');
      return;
    }
    const problem = verify(req, body);
    if (problem) {
      rejected += 1;
      res.writeHead(401, { 'content-type': 'text/plain' }).end(problem);
      return;
    }
    const id = header(req, 'webhook-id') ?? '';
    if (seen.has(id)) {
      duplicates += 1;
      res.writeHead(204).end();
      return;
    }
    const parsed = webhookEventSchema.safeParse(JSON.parse(body));
    if (!parsed.success) {
      res.writeHead(422, { 'content-type': 'text/plain' }).end('payload does not match the event schema');
      return;
    }
    seen.add(id);
    const received = { id, timestampSeconds: Number(header(req, 'webhook-timestamp')), event: parsed.data };
    events.push(received);
    options.onEvent?.(received);
    res.writeHead(204).end();
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end('bad request');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks/hirebridge`,
    setSecret: (s) => {
      secret = s;
    },
    events,
    requestCount: () => requests,
    rejectedCount: () => rejected,
    duplicateCount: () => duplicates,
    failNext: (times, fault) => {
      for (let i = 0; i < times; i++) queued.push(fault);
    },
    failAlways: (fault) => {
      always = fault;
    },
    createdCounts: () => {
      const counts = new Map<string, number>();
      for (const { event } of events) {
        const member = event.data.member;
        if (event.type === 'member.created' && member)
          counts.set(member.id, (counts.get(member.id) ?? 0) + 1);
      }
      return counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
