/**
 * `npm run test:chaos:soak -- N`: runs the whole chaos suite (`npm run -s test:chaos`, exactly what CI
 * runs once) N times in a row, each with a fresh CHAOS_SEED unless one is set, and saves every run's
 * output to test-output/chaos-soak/<start time>/run-<n>.log. Prints one line per run (exit code,
 * duration, seed, scenario lines passed and failed) and exits 1 if any run failed. Runs are sequential
 * on purpose: the suite measures leases and Retry-After, and two copies would mostly measure each other.
 * Hand-written rather than a vitest option: vitest's `repeats` repeats each test inside one run (one
 * process, one seed, one global setup), while a soak must repeat the whole run the way CI starts it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const runs = Number(process.argv[2] ?? '10');
if (!Number.isSafeInteger(runs) || runs < 1) {
  console.error(
    `usage: npm run test:chaos:soak -- <runs, a whole number of 1 or more> (not ${process.argv[2]})`,
  );
  process.exit(2);
}
// A run that is still going after this long is stuck past every deadline of the suite: stop it.
const RUN_LIMIT_MS = Number(process.env['CHAOS_SOAK_RUN_LIMIT_MINUTES'] ?? '90') * 60_000;

const dir = path.resolve(
  process.env['CHAOS_SOAK_DIR'] ??
    path.join('test-output', 'chaos-soak', new Date().toISOString().replace(/[:.]/g, '-')),
);
fs.mkdirSync(dir, { recursive: true });
console.log(`chaos soak: ${runs} runs of npm run -s test:chaos, logs in ${dir}`);

interface RunResult {
  readonly n: number;
  readonly exit: number | string;
  readonly seconds: number;
  readonly seed: string;
  readonly passedLines: number;
  readonly failedLines: string[];
}

function runOnce(n: number): Promise<RunResult> {
  const log = path.join(dir, `run-${n}.log`);
  const out = fs.openSync(log, 'w');
  const started = Date.now();
  // Its own process group, so a stuck run is stopped with everything it started.
  const child = spawn('npm', ['run', '-s', 'test:chaos'], { stdio: ['ignore', out, out], detached: true });
  const limit = setTimeout(() => {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }, RUN_LIMIT_MS);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      fs.closeSync(out);
      const text = fs.readFileSync(log, 'utf8');
      const figures = text.split('== chaos scenario figures ==')[1] ?? '';
      const lines = figures.split('\n').filter((l) => l.startsWith('scenario '));
      resolve({
        n,
        exit: code ?? signal ?? 'unknown',
        seconds: Math.round((Date.now() - started) / 1000),
        seed: /chaos seed (\d+)/.exec(text)?.[1] ?? '?',
        passedLines: lines.filter((l) => !l.includes(' FAILED')).length,
        failedLines: lines.filter((l) => l.includes(' FAILED')),
      });
    });
  });
}

const results: RunResult[] = [];
for (let n = 1; n <= runs; n += 1) {
  const r = await runOnce(n);
  results.push(r);
  console.log(
    `run ${r.n}/${runs}: exit ${r.exit}, ${r.seconds} s, CHAOS_SEED=${r.seed}, ${r.passedLines} scenario lines` +
      (r.failedLines.length > 0 ? `, failed: ${r.failedLines.join('; ')}` : ''),
  );
}
const failed = results.filter((r) => r.exit !== 0);
console.log(`chaos soak: ${runs - failed.length} of ${runs} runs passed; logs in ${dir}`);
process.exit(failed.length > 0 ? 1 : 0);
