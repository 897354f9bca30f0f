import { loadCliConfigFromProcess } from '../config/config.js';
import { createContainer, type Container } from '../main/container.js';

/**
 * Opens the container for one command (migrating first, so a fresh install works from any command),
 * runs it, and always closes the database. CLI logs go to stderr at warn level to keep stdout clean.
 */
export async function withContainer<T>(run: (container: Container) => Promise<T>): Promise<T> {
  const { config, demoDataDir } = loadCliConfigFromProcess();
  if (demoDataDir)
    process.stderr.write(
      `Using the running demo's data in ${demoDataDir} (set DATA_DIR to choose another).\n`,
    );
  const { createLogger } = await import('../observability/logger.js');
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
  const container = createContainer(config, { logger });
  try {
    await container.migrate();
    return await run(container);
  } finally {
    await container.close();
  }
}
