import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { buildHttpApp, buildMetricsApp } from '../http/build-app.js';
import type { Worker } from '../queue/worker.js';
import { createContainer, type Container, type ContainerOverrides } from './container.js';
import { printSetupLink } from './setup-link.js';

export interface RunningServer {
  readonly container: Container;
  readonly app: FastifyInstance;
  readonly worker: Worker | undefined;
  /** The base URL it listens on (useful when PORT=0). */
  readonly url: string;
  /** The first-run setup link printed at start; undefined when a user could already sign in. */
  readonly setupUrl: string | undefined;
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  /** Print the first-run setup link on stdout (default true; tests read RunningServer.setupUrl instead). */
  readonly printSetupLink?: boolean;
}

/**
 * Migrates, listens, and (unless RUN_WORKER=false) runs a worker in the same process. While nobody can
 * sign in yet, prints a one-time setup link that creates the first admin.
 */
export async function startServer(
  config: Config,
  overrides: ContainerOverrides = {},
  options: StartOptions = {},
): Promise<RunningServer> {
  const container = createContainer(config, overrides);
  const applied = await container.migrate();
  if (applied.length > 0) container.logger.info({ applied }, 'database migrated');
  // Periodic reconciliation runs as a queue job that re-queues itself; make sure each connection has one.
  // Not a reason to refuse to start: the chain of runs normally exists already, and the next start retries.
  await container.scheduleReconciles().catch((err: unknown) => {
    container.logger.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'could not schedule reconciliation',
    );
  });
  // While nobody can sign in, a fresh one-time link (earlier ones stop working) creates the first admin.
  const setupUrl = await container.createSetupLink();
  const app = await buildHttpApp({
    services: container.services,
    logger: container.logger,
    adminUiDir: config.adminUiDir,
    trustProxy: config.trustProxy,
    serveMetrics: config.metricsPort === undefined,
  });
  await app.listen({ port: config.port, host: config.host });
  // METRICS_PORT keeps /metrics off the public listener, on a small app of its own.
  let metricsApp: FastifyInstance | undefined;
  if (config.metricsPort !== undefined) {
    metricsApp = buildMetricsApp({ services: container.services, logger: container.logger });
    await metricsApp.listen({ port: config.metricsPort, host: config.host });
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const worker = config.runWorker ? container.createWorker() : undefined;
  worker?.start();
  if (setupUrl !== undefined && options.printSetupLink !== false) printSetupLink(setupUrl);
  return {
    container,
    app,
    worker,
    url: `http://${host}:${port}`,
    setupUrl,
    async stop(graceMs = 10_000) {
      // Stop taking requests first, then let the worker finish or release what it runs.
      await app.close();
      await metricsApp?.close();
      await worker?.stop(graceMs);
      await container.close();
    },
  };
}
