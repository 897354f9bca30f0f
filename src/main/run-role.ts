import type { Config } from '../config/config.js';
import { onShutdownSignal } from './shutdown.js';
import { startServer } from './start-server.js';
import { runWorkerProcess } from './worker-process.js';

/**
 * Starts what this process is for: `all` (HTTP and a worker; RUN_WORKER=false leaves the worker out),
 * `web` (HTTP only) or `worker` (jobs only). Any number of each share one PostgreSQL.
 */
export async function runRole(config: Config): Promise<void> {
  if (config.role === 'worker') {
    await runWorkerProcess(config);
    return;
  }
  const server = await startServer({ ...config, runWorker: config.role === 'all' && config.runWorker });
  server.container.logger.info(
    {
      url: server.url,
      publicUrl: config.publicUrl,
      database: config.database.dialect,
      role: config.role,
      worker: server.worker !== undefined,
    },
    'HireBridge is listening',
  );
  onShutdownSignal(server.container.logger, () => server.stop(config.shutdownGraceMs));
}
