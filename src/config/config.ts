import path from 'node:path';
import { runningDemoDataDir } from './running-demo.js';
import { fileURLToPath } from 'node:url';
import type { CrashPointName } from '../core/ports/crash-point.js';
import { destinationsConfig, type DestinationsConfig } from './destinations-config.js';
import { documentsConfig, type DocumentsConfig } from './documents-config.js';
import { decodeKey, envSchema } from './env-schema.js';

export type DatabaseConfig =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly url: string };

export interface Config {
  readonly port: number;
  /** Where /metrics is served when it is kept off the main listener. */
  readonly metricsPort: number | undefined;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** PostgreSQL connection pool size (DATABASE_POOL_SIZE). */
  readonly databasePoolSize: number;
  readonly publicUrl: string;
  /** Session limits (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS). */
  readonly sessions: { readonly idleMs: number; readonly absoluteMs: number };
  /** The built admin web app (ADMIN_UI_DIR, default dist/admin-ui of this package). */
  readonly adminUiDir: string;
  /** The master key from HIREBRIDGE_SECRET_KEY, or undefined when it is to be read or made in DATA_DIR. */
  readonly secretKey: Buffer | undefined;
  /** Fastify's trustProxy (TRUST_PROXY): false, true, a hop count, or proxy addresses. */
  readonly trustProxy: boolean | number | string[];
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly runWorker: boolean;
  /** What this process does (HIREBRIDGE_ROLE, or `hirebridge start --role`). */
  readonly role: 'all' | 'web' | 'worker';
  readonly workerConcurrency: number;
  readonly jobLeaseMs: number;
  readonly jobRetentionMs: number;
  readonly ashbyRequestsPerMinute: number;
  readonly ashbyTimeoutMs: number;
  readonly reconcileIntervalMs: number;
  readonly openingSyncIntervalMs: number;
  readonly shutdownGraceMs: number;
  /** Testing only (HIREBRIDGE_CRASH_POINT): the crash point that kills the process, if any. */
  readonly crashPoint: CrashPointName | undefined;
  /** Blob store, download timeout and SMTP (documents-config.ts). */
  readonly documents: DocumentsConfig;
  /** Destinations and the outbound address policy (destinations-config.ts). */
  readonly destinations: DestinationsConfig;
}

// This file sits two levels below the package root both as src/config/config.ts and as dist/config/config.js.
const DEFAULT_ADMIN_UI_DIR = fileURLToPath(new URL('../../dist/admin-ui', import.meta.url));

/** Thrown at start when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Reads and validates configuration from an environment object. This module (with env-schema.ts) is
 * the only reader of the environment: callers pass `process.env` from the entrypoint.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): Config {
  // Empty strings count as unset, as in most shells' `FOO= cmd` usage.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const documents = documentsConfig(e, dataDir);
  if (documents.problems.length > 0) throw new ConfigError(documents.problems);
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  const hostPart = displayHost.includes(':') ? `[${displayHost}]` : displayHost;
  return {
    port: e.PORT,
    metricsPort: e.METRICS_PORT,
    host: e.HOST,
    dataDir,
    database: databaseConfig(e.DATABASE_URL, dataDir, cwd),
    databasePoolSize: e.DATABASE_POOL_SIZE,
    publicUrl: (e.PUBLIC_URL ?? `http://${hostPart}:${e.PORT}`).replace(/\/+$/, ''),
    sessions: {
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    adminUiDir: e.ADMIN_UI_DIR ? path.resolve(cwd, e.ADMIN_UI_DIR) : DEFAULT_ADMIN_UI_DIR,
    secretKey: e.HIREBRIDGE_SECRET_KEY === undefined ? undefined : decodeKey(e.HIREBRIDGE_SECRET_KEY),
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    runWorker: e.RUN_WORKER,
    role: e.HIREBRIDGE_ROLE,
    workerConcurrency: e.WORKER_CONCURRENCY,
    jobLeaseMs: e.JOB_LEASE_SECONDS * 1000,
    jobRetentionMs: Math.round(e.JOB_RETENTION_DAYS * 24 * 60 * 60_000),
    ashbyRequestsPerMinute: e.ASHBY_REQUESTS_PER_MINUTE,
    ashbyTimeoutMs: e.ASHBY_TIMEOUT_MS,
    reconcileIntervalMs: e.RECONCILE_INTERVAL_SECONDS * 1000,
    openingSyncIntervalMs: e.OPENING_SYNC_INTERVAL_SECONDS * 1000,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    crashPoint: e.HIREBRIDGE_CRASH_POINT,
    documents: documents.config,
    destinations: destinationsConfig(e),
  };
}

function trustProxyOf(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
}

function databaseConfig(url: string | undefined, dataDir: string, cwd: string): DatabaseConfig {
  if (url === undefined) return { dialect: 'sqlite', file: path.join(dataDir, 'hirebridge.sqlite') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
}

/** The process environment, read here and nowhere else. */
export function loadConfigFromProcess(): Config {
  return loadConfig(process.env);
}

/**
 * The CLI's configuration: as the server's, except that without DATA_DIR (or DATABASE_URL) and with no
 * database in ./data, a demo running from this directory lends its data directory (`npm run demo`
 * keeps its data in ./data/demo). `demoDataDir` says when that happened, for the CLI to tell.
 */
export function loadCliConfigFromProcess(): { config: Config; demoDataDir: string | undefined } {
  const demoDataDir = runningDemoDataDir(process.env);
  return {
    config: loadConfig(demoDataDir ? { ...process.env, DATA_DIR: demoDataDir } : process.env),
    demoDataDir,
  };
}
