import { createHmac } from 'node:crypto';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** `sha256=<lowercase hex HMAC-SHA256(secret, exact body bytes)>`, as Ashby signs deliveries (§2.3). */
export function ashbySignature(secretToken: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secretToken).update(body).digest('hex')}`;
}

export type PostOutcome = { status: number } | { error: string };

/**
 * One POST of a webhook body. Uses node:http directly (not fetch) so the exact bytes we signed are the
 * bytes sent, no connection is kept alive after `close()`, and the in-flight request can be destroyed.
 */
export function postWebhook(
  url: string,
  body: Buffer,
  secretToken: string,
  timeoutMs: number,
  inFlight: Set<ClientRequest>,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      resolve({ error: 'invalid request URL' });
      return;
    }
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': body.length,
      'user-agent': 'ashby-simulator',
    };
    if (secretToken !== '') headers['ashby-signature'] = ashbySignature(secretToken, body);
    const send = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    let status: number | undefined;
    let failure = 'connection closed';
    const finish = () => {
      if (settled) return;
      settled = true;
      inFlight.delete(req);
      resolve(status === undefined ? { error: failure } : { status });
    };
    const req = send(parsed, { method: 'POST', headers, agent: false, timeout: timeoutMs }, (res) => {
      // The status is what counts; the receiver's body is read only to let the socket finish cleanly.
      status = res.statusCode ?? 0;
      res.resume();
      res.on('end', finish);
      res.on('error', finish);
    });
    inFlight.add(req);
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (error) => {
      failure = error.message;
      finish();
    });
    req.on('close', finish);
    req.end(body);
  });
}
