/**
 * The logging port (pino satisfies it). Fields go in the object, the message stays constant, and
 * neither ever carries personal data or secrets: log ids, counts and codes.
 */
export interface Logger {
  error(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  debug(fields: Record<string, unknown>, message: string): void;
}
