import { loadConfigFromProcess, type Config } from '../config/config.js';
import { createContainer } from './container.js';
import { onShutdownSignal } from './shutdown.js';

/** A process that only runs jobs; start several against one PostgreSQL to scale out. */
export async function runWorkerProcess(config: Config = loadConfigFromProcess()): Promise<void> {
  const container = createContainer(config);
  await container.migrate();
  const worker = container.createWorker();
  worker.start();
  container.logger.info({ workerId: worker.id }, 'worker started');
  onShutdownSignal(container.logger, async () => {
    await worker.stop(container.config.shutdownGraceMs);
    await container.close();
  });
  // Keep running until a signal arrives.
  await new Promise<never>(() => undefined);
}
