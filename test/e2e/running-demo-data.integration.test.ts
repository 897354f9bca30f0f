import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markRunningDemo, runningDemoDataDir } from '../../src/config/running-demo.js';
import { runCli } from '../support/run-cli.js';

/**
 * The demo keeps its data in ./data/demo and the CLI reads ./data: while a demo runs from a directory,
 * the CLI run there without DATA_DIR finds the demo's data and says so; a stopped demo, an explicit
 * DATA_DIR or a database of ./data's own win.
 */
describe('The CLI finds a running demo', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-demo-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  /** A demo's mark, as `npm run demo` writes it, for a process id of our choice. */
  const mark = (cwd: string, pid: number, dataDir: string) => {
    fs.mkdirSync(path.join(cwd, 'data'), { recursive: true });
    fs.writeFileSync(path.join(cwd, 'data', 'running-demo.json'), JSON.stringify({ pid, dataDir }));
  };

  it('uses the data of a demo that runs, and nothing else', () => {
    const cwd = tempDir();
    const demoDir = path.join(cwd, 'data', 'demo');
    fs.mkdirSync(demoDir, { recursive: true });
    expect(runningDemoDataDir({}, cwd)).toBeUndefined();

    const unmark = markRunningDemo(demoDir, cwd);
    expect(runningDemoDataDir({}, cwd)).toBe(demoDir);
    expect(runningDemoDataDir({ DATA_DIR: './elsewhere' }, cwd)).toBeUndefined();
    expect(runningDemoDataDir({ DATABASE_URL: 'postgres://db/x' }, cwd)).toBeUndefined();
    fs.writeFileSync(path.join(cwd, 'data', 'hirebridge.sqlite'), '');
    expect(runningDemoDataDir({}, cwd)).toBeUndefined();
    fs.rmSync(path.join(cwd, 'data', 'hirebridge.sqlite'));
    unmark();
    expect(runningDemoDataDir({}, cwd)).toBeUndefined();

    // A demo that has stopped without removing its mark (killed): its process is gone.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    mark(cwd, Number(gone.stdout.toString()), demoDir);
    expect(runningDemoDataDir({}, cwd)).toBeUndefined();
  });

  it("runs a command on the running demo's data, telling the user", async () => {
    const cwd = tempDir();
    const demoDir = path.join(cwd, 'data', 'demo');
    const migrated = await runCli(['migrate'], { DATA_DIR: demoDir }, 60_000);
    expect(migrated.code, migrated.stderr).toBe(0);
    // This test process stands in for the running demo.
    mark(cwd, process.pid, demoDir);
    const listed = await runCli(['new-hires', 'list'], {}, 60_000, { cwd });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stderr).toContain(`Using the running demo's data in ${demoDir}`);
    expect(fs.existsSync(path.join(cwd, 'data', 'hirebridge.sqlite'))).toBe(false);
  }, 120_000);
});
