import { ConfigError } from '../config/config.js';

/** Prints why start-up failed in plain words (no stack for configuration mistakes) and exits. */
export function exitOnStartupError(err: unknown): never {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`HireBridge could not start: ${message}\n`);
  process.exit(1);
}
