import http, { type IncomingHttpHeaders } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The parsed JSON body, or undefined when there is none. */
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  /** Sent as JSON (content-type application/json) unless `raw` is given. */
  readonly body?: unknown;
  readonly raw?: { readonly contentType: string; readonly text: string };
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One HTTP request over loopback with node:http, from a chosen local address (127.0.0.x): the server's
 * per-address sign-in throttle sees each test as a different client.
 */
export function httpCall(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions & { readonly from?: string } = {},
): Promise<Answer> {
  const url = new URL(path, baseUrl);
  const payload =
    options.raw?.text ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = {
    ...(options.raw
      ? { 'content-type': options.raw.contentType }
      : options.body === undefined
        ? {}
        : { 'content-type': 'application/json' }),
    ...(payload === undefined ? {} : { 'content-length': String(Buffer.byteLength(payload)) }),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        method,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers,
        ...(options.from ? { localAddress: options.from } : {}),
        agent: false,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body });
        });
      },
    );
    request.on('error', reject);
    if (payload !== undefined) request.write(payload);
    request.end();
  });
}

/** The `hb_session` Set-Cookie header of an answer, if it has one. */
export function sessionSetCookie(answer: Answer): string | undefined {
  return (answer.headers['set-cookie'] ?? []).find((c) => c.startsWith('hb_session='));
}

/**
 * A browser's view of HireBridge: keeps the session cookie it is given and the CSRF token of the last
 * session answer, and sends them the way the admin app does (the token on every change).
 */
export class SessionClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly from = '127.0.0.1',
  ) {}

  async call(
    method: string,
    path: string,
    options: CallOptions & { readonly csrf?: boolean | string; readonly origin?: string } = {},
  ): Promise<Answer> {
    const changing = method !== 'GET' && method !== 'HEAD';
    const csrf = options.csrf ?? changing;
    const headers: Record<string, string> = {
      ...(this.cookie ? { cookie: `hb_session=${this.cookie}` } : {}),
      ...(typeof csrf === 'string' ? { 'x-csrf-token': csrf } : {}),
      ...(csrf === true && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
      ...options.headers,
    };
    const answer = await httpCall(this.baseUrl, method, path, { ...options, headers, from: this.from });
    const set = sessionSetCookie(answer);
    if (set !== undefined) {
      const value = /^hb_session=([^;]*)/.exec(set)?.[1] ?? '';
      this.cookie = value === '' ? undefined : value;
    }
    if (answer.body?.csrfToken) this.csrfToken = answer.body.csrfToken as string;
    return answer;
  }

  get = (path: string) => this.call('GET', path);
  post = (path: string, body?: unknown) => this.call('POST', path, body === undefined ? {} : { body });
  patch = (path: string, body: unknown) => this.call('PATCH', path, { body });

  /** Signs in with email and password; the answer must be 200. */
  async signIn(email: string, password: string): Promise<Answer> {
    const answer = await this.post('/api/v1/auth/login', { email, password });
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${answer.text}`);
    return answer;
  }
}

/** Creates the first admin through the server's setup link and returns their signed-in client. */
export async function setUpFirstAdmin(
  server: { readonly url: string; readonly setupUrl: string | undefined },
  admin: { email: string; name: string; password: string },
  from = '127.0.0.1',
): Promise<SessionClient> {
  if (!server.setupUrl) throw new Error('the server printed no setup link (setup done already?)');
  const token = new URL(server.setupUrl).hash.slice(1);
  const client = new SessionClient(server.url, from);
  const answer = await client.post('/api/v1/auth/setup', { token, ...admin });
  if (answer.status !== 201) throw new Error(`setup failed: ${answer.status} ${answer.text}`);
  return client;
}
