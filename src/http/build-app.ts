import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { requireToken } from './plugins/authenticate.js';
import { registerErrorHandling } from './plugins/error-handler.js';
import { jobRoutes } from './routes/api/jobs.js';
import { meRoutes } from './routes/api/me.js';
import { healthRoutes } from './routes/health.js';
import type { HttpServices } from './services.js';

export interface HttpAppOptions {
  readonly services: HttpServices;
  readonly logger: FastifyBaseLogger;
}

/**
 * Builds the Fastify app without listening, so tests can use it over loopback or with inject().
 * Plugin order is fixed and explicit: error handling, public probes, then the authenticated /api scope.
 */
export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    // Request logs carry method, url and status, never bodies or the Authorization header.
    disableRequestLogging: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    bodyLimit: 1024 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    return503OnClosing: true,
  });
  registerErrorHandling(app);
  healthRoutes(app, options.services);
  await app.register(async (api) => {
    requireToken(api, options.services);
    meRoutes(api);
    jobRoutes(api, options.services);
  });
  return app;
}
