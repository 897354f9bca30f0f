import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from './sample-fixture.js';
import { httpCall } from './test-support.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('standalone simulator (main.ts)', () => {
  it('prints {url, apiKeys} when ready, serves the scenario, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, '--scenario', SAMPLE_COMPANY_PATH, '--port', '0', '--time-scale', '0.01'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const ready = JSON.parse(line) as { url: string; apiKeys: string[] };
      expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(ready.apiKeys).toContain(SAMPLE_KEYS.full);
      const res = await httpCall(`${ready.url}/apiKey.info`, {}, { key: SAMPLE_KEYS.full });
      expect(res.json).toMatchObject({ success: true, results: { title: 'HireBridge' } });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(killer);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
