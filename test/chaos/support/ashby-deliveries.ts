import { createHmac } from 'node:crypto';

/** A webhook delivery as Ashby sends it: exact body bytes and their signature. */
export interface SignedDelivery {
  readonly webhookActionId: string;
  readonly action: string;
  readonly applicationId: string;
  readonly body: Buffer;
  readonly signature: string;
}

/** `sha256=<hex HMAC-SHA256(secret, body)>`, Ashby's `Ashby-Signature` (ashby-api.md §2.3). */
export function ashbySignature(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A delivery shaped like the simulator's: `{webhookActionId, action, data}` with a wire application. */
export function signedDelivery(
  secret: string,
  event: {
    webhookActionId: string;
    action: string;
    data: { application: { id: string } } & Record<string, unknown>;
  },
): SignedDelivery {
  const body = Buffer.from(JSON.stringify(event), 'utf8');
  return {
    webhookActionId: event.webhookActionId,
    action: event.action,
    applicationId: event.data.application.id,
    body,
    signature: ashbySignature(secret, body),
  };
}

export type PostResult = { readonly status: number } | { readonly error: string };

export async function postDelivery(
  url: string,
  d: { body: Buffer; signature: string },
  timeoutMs = 10_000,
): Promise<PostResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'ashby-signature': d.signature },
      body: d.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return { status: response.status };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Sends like Ashby: until a 2xx, retrying after network errors and 5xx (a restarting server) every
 * `retryMs`; a 4xx is final. Returns the final status, or undefined when `givenUp()` said to stop first.
 */
export async function sendUntilAnswered(
  url: string,
  d: { body: Buffer; signature: string },
  givenUp: () => boolean,
  retryMs = 150,
): Promise<{ status: number | undefined; attempts: number }> {
  for (let attempts = 1; ; attempts += 1) {
    const result = await postDelivery(url, d);
    if ('status' in result && result.status < 500) return { status: result.status, attempts };
    if (givenUp()) return { status: undefined, attempts };
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}
