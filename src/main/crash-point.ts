import fs from 'node:fs';
import type { CrashPoint, CrashPointName } from '../core/ports/crash-point.js';

/**
 * The crash-point port (testing only). Unarmed, it does nothing. Armed with one name, reaching that point
 * writes one line to stderr and sends SIGKILL to this process: no `finally`, no shutdown hook, no flush,
 * the same as the kernel's OOM killer or a power cut as far as the database can tell.
 */
export function crashPointFor(armed: CrashPointName | undefined): CrashPoint {
  if (armed === undefined) return () => undefined;
  return (name) => {
    if (name !== armed) return;
    // Synchronous write: the line must be out before the signal lands.
    fs.writeSync(
      2,
      `hirebridge: crash point ${name} reached; killing the process (HIREBRIDGE_CRASH_POINT)\n`,
    );
    process.kill(process.pid, 'SIGKILL');
  };
}
