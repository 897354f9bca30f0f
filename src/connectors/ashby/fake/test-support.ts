import { createHmac } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Helpers for the simulator's own tests: a raw HTTP caller and a loopback webhook receiver. */

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export interface CallOptions {
  /** API key for Basic auth; null sends no Authorization header. */
  key?: string | null;
  password?: string;
  contentType?: string | null;
  method?: string;
  rawBody?: string;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export function basicAuth(key: string, password = ''): string {
  return `Basic ${Buffer.from(`${key}:${password}`).toString('base64')}`;
}

/** One HTTP request with node:http, no keep-alive, so tests leave no sockets behind. */
export function httpCall(url: string, body: unknown, options: CallOptions = {}): Promise<RawResponse> {
  const payload = options.rawBody ?? (body === undefined ? '' : JSON.stringify(body));
  const headers: Record<string, string> = { ...options.headers };
  if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json';
  if (options.key !== null && options.key !== undefined)
    headers['authorization'] = basicAuth(options.key, options.password);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.setTimeout(options.timeoutMs ?? 5_000, () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

export function httpGetBytes(
  url: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: { webhookActionId?: string; action: string; data: Record<string, unknown> };
  time: number;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** Status to answer for a request; default 200. 'hang' never answers. */
  respond: (hook: ReceivedWebhook, index: number) => number | 'hang';
  close(): Promise<void>;
}

export async function startReceiver(respond: Receiver['respond'] = () => 200): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], respond, close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const hook: ReceivedWebhook = {
        headers: req.headers,
        raw,
        body: JSON.parse(raw.toString('utf8')) as ReceivedWebhook['body'],
        time: Date.now(),
      };
      receiver.received.push(hook);
      const status = receiver.respond(hook, receiver.received.length - 1);
      if (status === 'hang') return;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

/** Independent re-implementation of the signature check a receiver must do. */
export function expectedSignature(secret: string, raw: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
