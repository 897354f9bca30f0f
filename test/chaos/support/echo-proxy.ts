import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer: status, headers and a body that echoes whatever personal data it is given. */
export interface EchoAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

/**
 * A proxy in front of the Ashby simulator that, for calls whose body mentions a watched id, answers from
 * a script instead of forwarding: errors whose bodies echo personal data back, as real APIs do ("candidate
 * Jane Doe <jane@x.com> already exists"). Unscripted calls are forwarded unchanged.
 */
export interface EchoProxy {
  readonly url: string;
  /** Answers for calls to `endpoint` whose request body contains `watch`, consumed in order. */
  script(endpoint: string, watch: string, answers: EchoAnswer[]): void;
  /** How many scripted answers were served. */
  readonly served: number;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startEchoProxy(upstream: string): Promise<EchoProxy> {
  const scripts: { endpoint: string; watch: string; answers: EchoAnswer[] }[] = [];
  let served = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const endpoint = (req.url ?? '/').slice(1);
      const text = body.toString('utf8');
      const script = scripts.find(
        (s) => s.endpoint === endpoint && s.answers.length > 0 && text.includes(s.watch),
      );
      const answer = script?.answers.shift();
      if (answer) {
        served += 1;
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body);
        return;
      }
      const forwarded = await fetch(`${upstream}${req.url ?? '/'}`, {
        method: req.method ?? 'POST',
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            (e): e is [string, string] =>
              typeof e[1] === 'string' && e[0] !== 'host' && e[0] !== 'content-length',
          ),
        ),
        ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }),
      });
      const bytes = Buffer.from(await forwarded.arrayBuffer());
      res.writeHead(
        forwarded.status,
        Object.fromEntries(
          [...forwarded.headers].filter(
            ([k]) => k !== 'content-length' && k !== 'transfer-encoding' && k !== 'content-encoding',
          ),
        ),
      );
      res.end(bytes);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    script: (endpoint, watch, answers) => scripts.push({ endpoint, watch, answers: [...answers] }),
    get served() {
      return served;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
