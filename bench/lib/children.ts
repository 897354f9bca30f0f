import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Every child process the benchmarks start is registered here and killed, by its own pid, when the run
 * ends however it ends (normal end, an exception, Ctrl-C, the watchdog). Nothing is killed by name.
 */
const live = new Set<ChildProcess>();

export interface ManagedChild {
  readonly process: ChildProcess;
  readonly pid: number;
  /** The last few KB the child wrote to stderr (for error messages). */
  stderrTail(): string;
  exited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the child is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  readonly env: Record<string, string>;
  readonly cwd: string;
  /** Where stdout goes: dropped (servers' request logs are written and discarded) or captured. */
  readonly stdout?: 'ignore' | 'capture';
  readonly onStdout?: (chunk: string) => void;
}

/** A minimal environment: the child sees PATH and HOME plus what the benchmark sets, nothing else of ours. */
export function childEnv(vars: Record<string, string>): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...vars };
}

export function spawnChild(command: string, args: readonly string[], options: SpawnOptions): ManagedChild {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', options.stdout === 'capture' ? 'pipe' : 'ignore', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${command} ${args.join(' ')}`);
  live.add(child);
  let tail = '';
  child.stderr?.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4096);
  });
  child.stdout?.on('data', (d: Buffer) => options.onStdout?.(d.toString()));
  const exit = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  });
  const pid = child.pid;
  return {
    process: child,
    pid,
    stderrTail: () => tail,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion (bounded by `timeoutMs`) and returns its output. */
export function runToEnd(
  command: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string; timeoutMs: number },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not finish within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      live.delete(child);
      reject(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      live.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Last resort (process exit, fatal error): SIGKILL every child still registered, each by its pid. */
export function killAllChildren(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}
