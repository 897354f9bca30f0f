import { AppError } from '../../core/errors/app-error.js';

/** A fully read (and size-capped) response. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
  /** The body as UTF-8; invalid sequences become U+FFFD. */
  text(): string;
  /**
   * The body parsed as JSON. Throws `upstream_permanent` (naming the endpoint, not the content) when it is
   * not valid UTF-8 or not JSON. Callers validate the shape with a schema; nothing here merges the result
   * into other objects, so `__proto__` keys in upstream data stay inert own properties.
   */
  json(): unknown;
}

export function createHttpResponse(
  status: number,
  headers: Headers,
  body: Uint8Array,
  endpoint: string,
): HttpResponse {
  return {
    status,
    headers,
    body,
    text: () => new TextDecoder('utf-8').decode(body),
    json: () => {
      try {
        return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) as unknown;
      } catch {
        throw new AppError('upstream_permanent', `${endpoint}: response is not valid JSON`, {
          details: { endpoint, status, reason: 'invalid_json' },
        });
      }
    },
  };
}
