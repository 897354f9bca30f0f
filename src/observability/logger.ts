import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';

/**
 * Paths whose values never reach a log line. Our code logs ids and counts, not records; this list is the
 * backstop for anything that slips through (pino's redaction is by key path, so free text is guarded by
 * the rule that error messages never carry personal data, and by the canary tests in test/chaos).
 */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["ashby-signature"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-csrf-token"]',
  // Sign-in: nested and top-level, since these are never worth a log line anywhere.
  ...[
    'cookie',
    'csrfToken',
    'password',
    'passwordHash',
    'password_hash',
    'inviteUrl',
    'setupUrl',
    'resetUrl',
  ].flatMap((key) => [key, `*.${key}`]),
  '*.apiKey',
  '*.api_key',
  '*.secret',
  '*.secretToken',
  '*.token',
  '*.email',
  '*.personalEmail',
  '*.phone',
  '*.name',
  '*.salary',
];

/**
 * Paths that carried a link token before links moved it to the fragment (old invite links still in
 * mailboxes, scripts using the old API): the token segment is never logged.
 */
const TOKEN_PATHS = /^(\/invite|\/setup|\/reset|\/api\/v1\/auth\/invites)\/(?!accept$|view$)[^/]+/;
/** Any other path segment that looks like one of our secrets (32+ base64url characters; ids are shorter). */
const SECRET_SEGMENT = /(?<=\/)[A-Za-z0-9_-]{40,}(?=\/|$)/g;

/** A request path as it may be logged: no query string, no token. */
export function loggablePath(url: string): string {
  const pathOnly = url.split(/[?#]/)[0] ?? '';
  return pathOnly.replace(TOKEN_PATHS, '$1/[redacted]').replace(SECRET_SEGMENT, '[redacted]');
}

/**
 * Requests are logged by method and path, never with their query string: a query can carry personal
 * data (the member search's `?q=` holds a name or an email) and the redaction above works on keys, not
 * inside a URL (found by the secrets-and-pii chaos scenario). Paths that carry a token are redacted
 * (loggablePath). Headers are not logged at all.
 */
function requestForLog(req: { method?: string; url?: string; ip?: string }) {
  return { method: req.method, url: loggablePath(req.url ?? ''), remoteAddress: req.ip };
}

export function createLogger(level: string, destination?: DestinationStream): PinoLogger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { req: requestForLog },
      base: { service: 'hirebridge' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
