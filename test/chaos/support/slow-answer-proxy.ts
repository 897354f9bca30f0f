import { request, createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy in front of a destination's fake that passes every call on at once but holds the answer to a
 * write (POST, PUT, PATCH, DELETE) for a while before passing it back: the remote system has made the
 * change, HireBridge does not know yet. That is the window in which a crash leaves a person created and
 * not recorded; holding it open lets a scenario kill a worker inside it, and counts when one did.
 */
export interface SlowAnswerProxy {
  /** The target's URL with the proxy's origin (same path). */
  readonly url: string;
  /** Writes whose answers are held right now: the change is made, the caller waits. */
  held(): readonly HeldWrite[];
  /** Writes the target made whose answer never reached the caller: it was gone (killed) first. */
  abandoned(): number;
  /** Every call the target answered, in order (the push bench counts calls and 429s with a hold of 0). */
  answered(): readonly AnsweredCall[];
  close(): Promise<void>;
}

/** A call the target answered: when (epoch ms), what, and its status. */
export interface AnsweredCall {
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

/** A write the target made, its answer held back. */
export interface HeldWrite {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly body: string;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export async function startSlowAnswerProxy(targetUrl: string, holdMs: number): Promise<SlowAnswerProxy> {
  const target = new URL(targetUrl);
  const held = new Set<HeldWrite>();
  let abandoned = 0;
  const answered: AnsweredCall[] = [];
  const server = createServer((req, res) => {
    let callerGone = false;
    res.on('close', () => {
      if (!res.writableFinished) callerGone = true;
    });
    void (async () => {
      const body = await readAll(req);
      const headers = { ...req.headers, host: target.host };
      const answer = await new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(
        (resolve, reject) => {
          const forward = request(
            { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
            (upstream) => {
              readAll(upstream).then(
                (b) => resolve({ status: upstream.statusCode ?? 502, headers: upstream.headers, body: b }),
                reject,
              );
            },
          );
          forward.on('error', reject);
          forward.end(body);
        },
      );
      answered.push({ at: Date.now(), method: req.method ?? '', path: req.url ?? '', status: answer.status });
      const write = WRITES.has(req.method ?? '');
      if (write && holdMs > 0) {
        const entry = { method: req.method ?? '', path: req.url ?? '', body: body.toString('utf8') };
        held.add(entry);
        // Shapes the timing of the answer (the point of the proxy); nothing waits for a condition here.
        await new Promise((resolve) => setTimeout(resolve, holdMs));
        held.delete(entry);
      }
      if (callerGone) {
        if (write) abandoned += 1;
        return;
      }
      // Hop-by-hop headers are the proxy's own business; the body goes back whole, with its length.
      const rest = Object.fromEntries(
        Object.entries(answer.headers).filter(
          ([k]) => !['transfer-encoding', 'connection', 'keep-alive'].includes(k),
        ),
      );
      res.writeHead(answer.status, { ...rest, 'content-length': String(answer.body.length) });
      res.end(answer.body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502).end('proxy could not reach the target');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = new URL(targetUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString().replace(/\/$/, targetUrl.endsWith('/') ? '/' : ''),
    held: () => [...held],
    abandoned: () => abandoned,
    answered: () => [...answered],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
