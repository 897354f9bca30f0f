import fs from 'node:fs';
import path from 'node:path';

/** How many entries the start-up check looks at, so a huge blob folder cannot slow every start. */
const SCAN_LIMIT = 20_000;

/**
 * DATA_DIR holds the database, the master key and personal documents: only the service's own user may
 * open it. It is created 0700 and the SQLite file 0600 before SQLite opens it (SQLite gives its -wal
 * and -shm files the database file's mode), whatever the umask; the key file and blobs are written
 * 0600 where they are made. Existing entries more open than that are reported (not changed: an
 * operator may have reasons), with the command that fixes them.
 */
export function preparePrivateDataDir(
  dataDir: string,
  sqliteFile: string | undefined,
  logger: { warn(details: Record<string, unknown>, message: string): void },
): void {
  if (!fs.existsSync(dataDir)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // mkdir's mode passes through the umask; chmod does not.
    fs.chmodSync(dataDir, 0o700);
  }
  if (sqliteFile !== undefined && sqliteFile !== ':memory:' && !fs.existsSync(sqliteFile)) {
    fs.mkdirSync(path.dirname(sqliteFile), { recursive: true, mode: 0o700 });
    // An empty file is a valid new database; made here so its mode is ours, not the umask's.
    const fd = fs.openSync(sqliteFile, 'a', 0o600);
    fs.fchmodSync(fd, 0o600);
    fs.closeSync(fd);
  }
  const open = tooOpen(dataDir);
  if (open.length > 0) {
    logger.warn(
      { dataDir, count: open.length, examples: open.slice(0, 5) },
      `files in DATA_DIR can be read by other users of this machine; run: chmod -R go-rwx ${dataDir}`,
    );
  }
}

/** Entries (relative paths) under `root`, itself included, that other users may read or enter. */
function tooOpen(root: string): string[] {
  const found: string[] = [];
  const pending = ['.'];
  let seen = 0;
  while (pending.length > 0 && seen < SCAN_LIMIT) {
    const relative = pending.pop()!;
    const full = path.join(root, relative);
    const stat = fs.lstatSync(full, { throwIfNoEntry: false });
    seen++;
    if (!stat || stat.isSymbolicLink()) continue;
    if ((stat.mode & 0o077) !== 0) found.push(relative);
    if (stat.isDirectory()) for (const name of fs.readdirSync(full)) pending.push(path.join(relative, name));
  }
  return found;
}
