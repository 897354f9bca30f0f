import { loadConfigFromProcess } from '../config/config.js';
import { runRole } from './run-role.js';
import { exitOnStartupError } from './startup-error.js';

try {
  await runRole(loadConfigFromProcess());
} catch (err) {
  exitOnStartupError(err);
}
