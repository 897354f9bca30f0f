import { loadConfigFromProcess } from '../config/config.js';
import { exitOnStartupError } from './startup-error.js';
import { onShutdownSignal } from './shutdown.js';
import { startServer } from './start-server.js';

try {
  const config = loadConfigFromProcess();
  const server = await startServer(config);
  server.container.logger.info(
    {
      url: server.url,
      publicUrl: config.publicUrl,
      database: config.database.dialect,
      worker: config.runWorker,
    },
    'HireBridge is listening',
  );
  onShutdownSignal(server.container.logger, () => server.stop(config.shutdownGraceMs));
} catch (err) {
  exitOnStartupError(err);
}
