import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../connectors/ashby/fake/sample-fixture.js';
import { startAshbySimulator, type AshbySimulator } from '../connectors/ashby/fake/simulator.js';
import { runCli } from '../../test/support/run-cli.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

interface RunBody {
  status: string;
  created: number;
  updated: number;
  closed: number;
  failed: number;
}

// The CLI shares the server's database; SQLite is enough here (dialect coverage lives in the API tests).
// The test server runs no worker, so `openings sync --wait` does the run in the CLI process itself.
describe('hirebridge positions and openings commands', () => {
  let server: TestServer;
  let sim: AshbySimulator;
  let connectionId: string;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    sim = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH });
    const connected = await server.container.services.connectAshby({
      apiKey: SAMPLE_KEYS.full,
      apiUrl: sim.url,
      actor: 'test',
    });
    connectionId = connected.connection.id;
  });
  afterAll(async () => {
    await sim?.close();
    await server?.dispose();
  });
  const cli = (...args: string[]) => runCli(args, server.env, 60_000);
  const openingsOf = (positionId: string) =>
    sim.openings().filter((o) => o.latestVersion?.identifier === `HB-${positionId}`);

  it('adds, lists, shows and closes positions, refusing bad input with the problem named', async () => {
    const added = await cli(
      'positions',
      'add',
      '--title',
      'Data Analyst',
      '--recruiting',
      '--target-start-date',
      '2026-10-01',
      '--field',
      'Cost centre=CC-7',
      '--json',
    );
    expect(added.code).toBe(0);
    const position = JSON.parse(added.stdout) as { id: string; status: string; recruiting: boolean };
    expect(position).toMatchObject({ status: 'open', recruiting: true });

    const badType = await cli('positions', 'add', '--title', 'X', '--employment-type', 'Gig');
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('--employment-type must be one of: FullTime');
    const badDate = await cli('positions', 'add', '--title', 'X', '--target-hire-date', '2026-02-30');
    // A refused input is a usage error (status 2), like a bad option.
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('2026-02-30 is not a date');

    expect((await cli('positions', 'list')).stdout).toMatch(/Data Analyst\s+open\s+yes/);
    const shown = await cli('positions', 'show', position.id);
    expect(shown.stdout).toContain('Cost centre: CC-7');
    expect(shown.stdout).toContain('target start date: 2026-10-01');

    const closed = await cli('positions', 'close', position.id, '--reason', 'Budget cut');
    expect(closed.stdout).toContain(`Closed position Data Analyst (${position.id})`);
    const listed = JSON.parse((await cli('positions', 'list', '--status', 'closed', '--json')).stdout) as {
      items: { id: string; closeReason: string }[];
    };
    expect(listed.items).toEqual([expect.objectContaining({ id: position.id, closeReason: 'Budget cut' })]);
    const unknown = await cli('positions', 'close', 'no-such-position', '--reason', 'x');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Position not found');
  }, 120_000);

  it('turns opening sync on and syncs now with --wait: the opening is created Approved, then closed', async () => {
    const off = await cli('openings', 'sync', '--connection', connectionId);
    expect(off.code).toBe(1);
    expect(off.stderr).toContain('Opening sync is off');

    const added = await cli('positions', 'add', '--title', 'Platform Engineer', '--recruiting', '--json');
    const { id } = JSON.parse(added.stdout) as { id: string };
    expect((await cli('openings', 'enable', '--connection', connectionId)).code).toBe(0);

    const first = await cli('openings', 'sync', '--connection', connectionId, '--wait', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'succeeded', failed: 0 });
    // The run queued by `enable` and the one asked for share one unique key: one opening, never two.
    expect(openingsOf(id)).toHaveLength(1);
    expect(openingsOf(id)[0]!.openingState).toBe('Approved');

    await cli('positions', 'close', id, '--reason', 'Budget cut');
    const second = await cli('openings', 'sync', '--connection', connectionId, '--wait', '--json');
    expect(JSON.parse(second.stdout) as RunBody).toMatchObject({
      status: 'succeeded',
      closed: 1,
      created: 0,
    });
    expect(openingsOf(id)[0]!.openingState).toBe('Closed');

    const queued = await cli('openings', 'sync', '--connection', connectionId);
    expect(queued.stdout).toMatch(/Sync queued, run \S+/);
  }, 120_000);
});
