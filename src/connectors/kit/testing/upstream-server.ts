import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP upstream on 127.0.0.1 for kit and connector tests: each test sets `handler`, and every
 * request is recorded (with its arrival time) so tests can count calls and check pacing.
 */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly at: number;
}

export type UpstreamHandler = (req: RecordedRequest, res: ServerResponse) => unknown;

export interface Upstream {
  readonly url: string;
  readonly requests: RecordedRequest[];
  handler: UpstreamHandler;
  close(): Promise<void>;
}

export async function startUpstream(
  handler: UpstreamHandler = (_req, res) => res.end('{}'),
): Promise<Upstream> {
  const requests: RecordedRequest[] = [];
  const upstream: Upstream = {
    url: '',
    requests,
    handler,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(recorded);
      Promise.resolve(upstream.handler(recorded, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  (upstream as { url: string }).url = `http://127.0.0.1:${port}`;
  return upstream;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
