import fs from 'node:fs';
import path from 'node:path';

/** The default DATA_DIR, relative to the working directory (env-schema.ts). */
const DEFAULT_DATA_DIR = 'data';
/** What `npm run demo` leaves in the default DATA_DIR while it runs: where its own data is. */
const MARKER = 'running-demo.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Marks the demo as running, so the CLI run from the same directory finds its data (the demo keeps it
 * in ./data/demo, the CLI reads ./data). Returns the function that removes the mark.
 */
export function markRunningDemo(dataDir: string, cwd = process.cwd()): () => void {
  const file = path.join(cwd, DEFAULT_DATA_DIR, MARKER);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, dataDir }), { mode: 0o600 });
  return () => fs.rmSync(file, { force: true });
}

/**
 * The data directory of a demo running from `cwd`, when the CLI was given no DATA_DIR or DATABASE_URL
 * and the default ./data holds no database of its own; otherwise undefined. A mark left by a demo that
 * has died is ignored, so the CLI never points at data nothing is running on by surprise.
 */
export function runningDemoDataDir(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): string | undefined {
  if (env['DATA_DIR'] || env['DATABASE_URL']) return undefined;
  const defaultDir = path.join(cwd, DEFAULT_DATA_DIR);
  if (fs.existsSync(path.join(defaultDir, 'hirebridge.sqlite'))) return undefined;
  let mark: unknown;
  try {
    mark = JSON.parse(fs.readFileSync(path.join(defaultDir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
  const { pid, dataDir } = (mark ?? {}) as { pid?: unknown; dataDir?: unknown };
  if (typeof pid !== 'number' || typeof dataDir !== 'string' || !alive(pid)) return undefined;
  return fs.existsSync(dataDir) ? dataDir : undefined;
}
