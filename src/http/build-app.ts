import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { apiDocsRoutes, registerApiSchemas } from './api-docs.js';
import { markPublic, requireAuthentication } from './plugins/authenticate.js';
import { acceptEmptyJson } from './plugins/json-body.js';
import type { ErrorResponse } from '../contract/errors.js';
import { AppError } from '../core/errors/app-error.js';
import { fromFramework, registerErrorHandling, type NotFoundFallback } from './plugins/error-handler.js';
import { ERROR_STATUS } from './plugins/error-status.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { adminUiRoutes } from './routes/admin-ui.js';
import { accountSecurityRoutes } from './routes/api/account-security.js';
import { auditRoutes } from './routes/api/audit.js';
import { backfillRoutes } from './routes/api/backfill.js';
import { connectionRoutes } from './routes/api/connections.js';
import { deliveryRoutes } from './routes/api/deliveries.js';
import { destinationRoutes } from './routes/api/destinations.js';
import { documentRoutes } from './routes/api/documents.js';
import { jobRoutes } from './routes/api/jobs.js';
import { mappingRoutes } from './routes/api/mapping.js';
import { mappingReapplyRoutes } from './routes/api/mapping-reapply.js';
import { backfillStatusRoutes } from './routes/api/backfill-status.js';
import { newHireRestoreRoutes } from './routes/api/new-hire-restore.js';
import { notificationPreferenceRoutes } from './routes/api/notification-preferences.js';
import { meRoutes } from './routes/api/me.js';
import { authRoutes } from './routes/auth.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { memberEditRoutes } from './routes/api/member-edits.js';
import { erasureRoutes } from './routes/api/erasure.js';
import { memberFileRoutes } from './routes/api/member-files.js';
import { memberRoutes } from './routes/api/members.js';
import { newHireReimportRoutes } from './routes/api/new-hire-reimport.js';
import { newHireBulkRoutes } from './routes/api/new-hire-bulk.js';
import { newHireRoutes } from './routes/api/new-hires.js';
import { overviewRoutes } from './routes/api/overview.js';
import { peopleRoutes } from './routes/api/people.js';
import { positionRoutes } from './routes/api/positions.js';
import { documentLinkRoutes, pushRoutes } from './routes/api/pushes.js';
import { ashbyWebhookRoutes } from './routes/webhooks/ashby.js';
import type { HttpServices } from './services.js';

export interface HttpAppOptions {
  readonly services: HttpServices;
  readonly logger: FastifyBaseLogger;
  /** The built admin web app to serve at `/` (config.adminUiDir); omitted in API-only tests. */
  readonly adminUiDir?: string;
  /** Which proxies' X-Forwarded-For to believe (config.trustProxy); none by default. */
  readonly trustProxy?: boolean | number | string[];
  /** Serve /metrics on this app (false when METRICS_PORT gives it a listener of its own). */
  readonly serveMetrics?: boolean;
}

/**
 * Builds the Fastify app without listening, so tests can use it over loopback or with inject().
 * Plugin order is fixed and explicit: error handling, public probes, webhooks, sign-in, then the
 * authenticated /api scope.
 */
export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    onProtoPoisoning: 'error',
    trustProxy: trustProxyOption(options.trustProxy),
    onConstructorPoisoning: 'error',
    bodyLimit: 1024 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    return503OnClosing: true,
    // A malformed URL is the client's mistake: answered like every other 4xx (error-handler.ts).
    frameworkErrors: (error, _request, reply) => {
      const err = fromFramework(error) ?? new AppError('validation_failed', 'The request is malformed');
      reply.log.info({ code: err.code, fastifyCode: error.code }, 'client error');
      const body: ErrorResponse = { error: { code: err.code, message: err.message } };
      void (reply as FastifyReply).status(ERROR_STATUS[err.code]).send(body);
    },
  });
  let spaFallback: NotFoundFallback | undefined;
  registerErrorHandling(app, () => spaFallback);
  registerSecurityHeaders(app, options.services.publicUrl);
  // Before any route: routes declare zod schemas, which validate, serialize and document them.
  await registerApiSchemas(app);
  await app.register(async (probes) => {
    markPublic(probes);
    healthRoutes(probes, options.services);
    if (options.serveMetrics === true) metricsRoutes(probes, options.services);
  });
  await app.register(async (webhooks) => {
    markPublic(webhooks);
    await ashbyWebhookRoutes(webhooks, options.services);
  });
  // Sign-in: public (these routes make sessions), so outside the authenticated scope below.
  await app.register(async (auth) => {
    markPublic(auth);
    authRoutes(auth, options.services);
  });
  // Signed, expiring document links for destinations: public (the link is the credential).
  await app.register(async (links) => {
    markPublic(links);
    documentLinkRoutes(links, options.services);
  });
  // The OpenAPI document and its page: public, since they hold no data (api-docs.ts).
  await app.register(apiDocsRoutes);
  await app.register(async (api) => {
    // Every /api answer may carry personal data (names, emails, salaries): no browser or proxy cache
    // may keep one. Routes that chose a stricter header keep theirs.
    api.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
    acceptEmptyJson(api);
    requireAuthentication(api, options.services);
    meRoutes(api);
    jobRoutes(api, options.services);
    connectionRoutes(api, options.services);
    newHireRoutes(api, options.services);
    newHireBulkRoutes(api, options.services);
    deliveryRoutes(api, options.services);
    memberRoutes(api, options.services);
    auditRoutes(api, options.services);
    mappingRoutes(api, options.services);
    mappingReapplyRoutes(api, options.services);
    backfillStatusRoutes(api, options.services);
    newHireRestoreRoutes(api, options.services);
    notificationPreferenceRoutes(api, options.services);
    newHireReimportRoutes(api, options.services);
    documentRoutes(api, options.services);
    peopleRoutes(api, options.services);
    positionRoutes(api, options.services);
    destinationRoutes(api, options.services);
    pushRoutes(api, options.services);
    accountSecurityRoutes(api, options.services);
    overviewRoutes(api, options.services);
    backfillRoutes(api, options.services);
    memberFileRoutes(api, options.services);
    memberEditRoutes(api, options.services);
    erasureRoutes(api, options.services);
  });
  if (options.adminUiDir) spaFallback = await adminUiRoutes(app, options.adminUiDir);
  return app;
}

/** Fastify takes a hop count at run time but not in its types: a hop count becomes the same test as a function. */
function trustProxyOption(
  trust: boolean | number | string[] | undefined,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust ?? false;
}

/** The separate listener for METRICS_PORT: /metrics and nothing else. */
export function buildMetricsApp(options: Pick<HttpAppOptions, 'services' | 'logger'>): FastifyInstance {
  const app = Fastify({ loggerInstance: options.logger });
  metricsRoutes(app, options.services);
  return app;
}
