import type { Logger } from '../../src/core/ports/logger.js';

/** A logger that keeps what it was given, for assertions (and keeps test output quiet). */
export function memoryLogger(): Logger & {
  readonly lines: { level: string; fields: Record<string, unknown>; message: string }[];
} {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
