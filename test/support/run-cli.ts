import { spawn } from 'node:child_process';

const CLI = new URL('../../src/main/cli.ts', import.meta.url).pathname;

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `hirebridge` CLI as a real child process with the given environment. */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  timeoutMs = 30_000,
  options: { readonly cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // Resolved here, not from the child's working directory (which may hold no node_modules).
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), CLI, ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hirebridge ${args.join(' ')} did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
