import { CommanderError } from 'commander';
import { buildProgram } from '../cli/program.js';
import { UsageError } from '../cli/usage-error.js';
import { ConfigError } from '../config/config.js';
import { isAppError } from '../core/errors/app-error.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  if (err instanceof UsageError || err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  if (isAppError(err)) {
    process.stderr.write(`${err.code}: ${err.message}\n`);
    process.exit(err.code === 'validation_failed' || err.code === 'permission_missing' ? 2 : 1);
  }
  process.stderr.write(`hirebridge: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
