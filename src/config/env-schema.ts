import { z } from 'zod';
import { CRASH_POINTS } from '../core/ports/crash-point.js';
import { DESTINATION_ENV } from './destinations-config.js';
import { DOCUMENT_ENV } from './documents-config.js';

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** Every environment variable HireBridge reads, with its default. The README lists the same set. */
export const envSchema = z.object({
  PORT: port.default(3000),
  /** When set, /metrics is served on this port only (keep it off the public listener); else on PORT. */
  METRICS_PORT: port.optional(),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^(postgres|postgresql|sqlite|file):/.test(v), {
      message: 'must start with postgres://, postgresql://, sqlite: or file:',
    }),
  PUBLIC_URL: z
    .string()
    .refine(isHttpUrl, { message: 'must be an absolute http(s) URL such as https://hirebridge.example.com' })
    .optional(),
  HIREBRIDGE_SECRET_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || decodeKey(v) !== undefined, {
      message: 'must be 32 bytes written as 64 hex characters or base64 (openssl rand -base64 32)',
    }),
  /** Where the built admin web app is (npm run build writes it); served at `/`. */
  ADMIN_UI_DIR: z.string().min(1, 'must not be empty').optional(),
  /**
   * Behind a reverse proxy: which X-Forwarded-For hops to believe, so sign-in throttling and logs see
   * the client's address, not the proxy's. `true` (trust all), a hop count, or comma-separated
   * addresses/CIDRs of the proxies. Default: trust none (HireBridge faces clients directly).
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
      message: 'must be true, false, a hop count, or comma-separated proxy addresses/CIDRs',
    })
    .optional(),
  /** A signed-in session ends after this many minutes without a request (sliding). */
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(5, 'must be between 5 and 10080 (a week)')
    .max(10_080, 'must be between 5 and 10080 (a week)')
    .default(120),
  /** A signed-in session ends this many hours after sign-in, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 720 (30 days)')
    .max(720, 'must be between 1 and 720 (30 days)')
    .default(24),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RUN_WORKER: booleanFlag.default(true),
  /** all: HTTP and a worker in one process; web: HTTP only; worker: jobs only, no HTTP. */
  HIREBRIDGE_ROLE: z.enum(['all', 'web', 'worker'], { error: 'must be all, web or worker' }).default('all'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * Client-side limit on Ashby API calls per key. Ashby publishes no general number (UNCONFIRMED in
   * shared/reference/ashby-api.md §1.7); 429s with Retry-After are honoured on top of this.
   */
  ASHBY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  /** Seconds a claimed job stays leased without a heartbeat before another worker may take it over. */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** How long completed jobs are kept before the worker deletes them; dead jobs are kept until handled. */
  JOB_RETENTION_DAYS: z.coerce.number().min(0.01).max(3650).default(7),
  /** Per-attempt timeout of an Ashby API call (connect, headers and body), in milliseconds. */
  ASHBY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** PostgreSQL connections per process (each webhook delivery holds one for its one statement). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How often each Ashby connection is reconciled (incremental application.list sync) to catch lost webhooks. */
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** How often positions are synced to Ashby as openings, per connection with opening sync on. */
  OPENING_SYNC_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /**
   * On SIGTERM, how long running jobs may take to finish before they are put back for another worker.
   * Keep it below the orchestrator's kill timeout (Kubernetes: terminationGracePeriodSeconds, default 30).
   */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /**
   * FOR TESTING ONLY: makes the process kill itself (SIGKILL) when it reaches this crash point, so the
   * chaos suite can prove recovery from a crash at that exact moment. Never set it in production.
   */
  HIREBRIDGE_CRASH_POINT: z.enum(CRASH_POINTS).optional(),
  /** Documents (blob store, downloads) and email: documents-config.ts. */
  ...DOCUMENT_ENV,
  /** Destinations and the outbound address policy: destinations-config.ts. */
  ...DESTINATION_ENV,
});

/** Accepts 64 hex characters or base64/base64url of exactly 32 bytes. */
export function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const buf = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (buf.length === 32) return buf;
  }
  return undefined;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
