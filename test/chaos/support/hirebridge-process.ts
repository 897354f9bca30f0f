import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from '../../support/wait-for.js';
import { scaled } from './chaos-settings.js';

const SERVER = new URL('../../../src/main/server.ts', import.meta.url).pathname;
const CLI = new URL('../../../src/main/cli.ts', import.meta.url).pathname;

/**
 * Every child still running. Scenarios reap theirs after each test (scenario-run.ts); this is for the
 * test process itself ending early (a crash, vitest stopping the fork): no HireBridge process outlives it.
 */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export type ProcessRole = 'server' | 'worker';

/** How a child ended: its exit code, or the signal that killed it. */
export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * A real HireBridge process (`src/main/server.ts`, or `src/main/cli.ts worker`) started the way an
 * operator starts it, with its stdout and stderr kept for assertions (the canary scan reads them) and
 * for the failure report. Everything it needs comes from `env`; nothing is inherited but PATH and HOME.
 */
export class HireBridgeProcess {
  readonly role: ProcessRole;
  readonly child: ChildProcess;
  readonly exited: Promise<ExitInfo>;
  #output = '';
  #exit: ExitInfo | undefined;
  #killedByTest = false;

  constructor(role: ProcessRole, env: Record<string, string>) {
    this.role = role;
    const args = role === 'server' ? ['--import', 'tsx', SERVER] : ['--import', 'tsx', CLI, 'worker'];
    this.child = spawn(process.execPath, args, {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d: Buffer) => (this.#output += d.toString('utf8')));
    this.child.stderr?.on('data', (d: Buffer) => (this.#output += d.toString('utf8')));
    live.add(this.child);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        live.delete(this.child);
        this.#exit = { code, signal };
        resolve(this.#exit);
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Everything it wrote to stdout and stderr so far. */
  get output(): string {
    return this.#output;
  }

  get alive(): boolean {
    return this.#exit === undefined;
  }

  /** It ended, and not through `kill()`: a crash point, a failed start, a crash. */
  get endedUnexpectedly(): boolean {
    return this.#exit !== undefined && !this.#killedByTest;
  }

  /** "running", "killed by the test", or how it ended by itself. */
  describeState(): string {
    if (!this.#exit) return 'running';
    if (this.#killedByTest) return 'SIGKILLed by the test';
    return this.#exit.signal ? `ended by ${this.#exit.signal}` : `exited with code ${this.#exit.code}`;
  }

  /** Waits until `text` appears in its output (or it exits, which fails the wait). */
  async waitForOutput(text: string | RegExp, timeoutMs = scaled(30_000)): Promise<void> {
    await waitFor(
      `${this.role} (pid ${this.pid}) to print ${String(text)}`,
      () => {
        if (!this.alive)
          throw new Error(`${this.role} exited early (${JSON.stringify(this.#exit)}):\n${this.tail()}`);
        return typeof text === 'string' ? this.#output.includes(text) : text.test(this.#output);
      },
      timeoutMs,
      20,
    );
  }

  signal(signal: NodeJS.Signals): void {
    if (this.alive) this.child.kill(signal);
  }

  /** SIGKILL and wait for the exit (a no-op when it already ended). */
  async kill(): Promise<ExitInfo> {
    if (this.alive) this.#killedByTest = true;
    this.signal('SIGKILL');
    return this.exited;
  }

  /** The last lines of its output, for failure messages. */
  tail(lines = 30): string {
    return this.#output.split('\n').slice(-lines).join('\n');
  }
}

/** Waits until a server process answers /healthz (it failing or exiting first fails the wait). */
export async function waitUntilServing(
  server: HireBridgeProcess,
  url: string,
  timeoutMs = scaled(30_000),
): Promise<void> {
  await waitFor(
    `server (pid ${server.pid}) to answer /healthz`,
    async () => {
      if (!server.alive) throw new Error(`server exited at start:\n${server.tail()}`);
      return fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    timeoutMs,
    50,
  );
}

/** Waits for a worker-only process's "worker started" line (it logs it at LOG_LEVEL info or lower). */
export async function waitUntilWorking(worker: HireBridgeProcess, timeoutMs = scaled(30_000)): Promise<void> {
  await worker.waitForOutput('worker started', timeoutMs);
}

/** The worker id a worker-only process logged at start (fencing tokens are tied to it in `locked_by`). */
export function workerIdOf(p: HireBridgeProcess): string | undefined {
  return /"workerId":"([^"]+)"/.exec(p.output)?.[1];
}
