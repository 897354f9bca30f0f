import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from '../connectors/ashby/fake/sample-fixture.js';
import { startAshbySimulator, type AshbySimulator } from '../connectors/ashby/fake/simulator.js';
import { runCli } from '../../test/support/run-cli.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

// The CLI shares the server's database; SQLite is enough here (dialect coverage lives in the API tests).
describe('hirebridge users, documents and notifications commands', () => {
  let server: TestServer;
  let sim: AshbySimulator;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    sim = await startAshbySimulator({ scenarioFile: SAMPLE_COMPANY_PATH });
  });
  afterAll(async () => {
    await sim.close();
    await server.dispose();
  });
  const cli = (...args: string[]) => runCli(args, server.env);

  it('adds users with roles, refusing a bad role and a second user with the same email', async () => {
    const added = await cli(
      'users',
      'add',
      '--email',
      'ada@example.com',
      '--name',
      'Ada Admin',
      '--role',
      'admin',
      '--json',
    );
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ email: 'ada@example.com', role: 'admin' });
    expect(
      (await cli('users', 'add', '--email', 'ian@example.com', '--name', 'Ian Inbox', '--role', 'inbox'))
        .stdout,
    ).toContain('as inbox manager');
    expect(
      (await cli('users', 'add', '--email', 'vera@example.com', '--name', 'Vera Viewer', '--role', 'viewer'))
        .code,
    ).toBe(0);
    const badRole = await cli('users', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'boss');
    expect(badRole).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--role must be one of: admin, inbox, viewer') as string,
    });
    const again = await cli(
      'users',
      'add',
      '--email',
      'ADA@example.com',
      '--name',
      'Ada Again',
      '--role',
      'inbox',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('conflict: A user with this email already exists');
    const list = await cli('users', 'list');
    expect(list.stdout).toMatch(/Vera Viewer\s+vera@example.com\s+viewer\s+never/);
  }, 120_000);

  it("keeps the document type and folder lists and a connection's document settings", async () => {
    expect((await cli('documents', 'types', 'add', 'Contract')).stdout).toContain('Added "Contract"');
    expect((await cli('documents', 'types', 'list')).stdout).toMatch(/Offer letter[\s\S]*Contract/);
    expect((await cli('documents', 'folders', 'list')).stdout).toContain('Hiring documents');
    const ada = JSON.parse((await cli('users', 'list', '--json')).stdout) as {
      items: { id: string; email: string }[];
    };
    const connected = await server.container.services.connectAshby({
      apiKey: SAMPLE_KEYS.full,
      apiUrl: sim.url,
      actor: 'test',
      connectedByUserId: ada.items.find((u) => u.email === 'ada@example.com')!.id,
    });
    const id = connected.connection.id;
    const unknown = await cli('documents', 'settings', id, '--folder', 'Nowhere');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('candidateFiles.folder is not a folder');
    const changed = await cli(
      'documents',
      'settings',
      id,
      '--offer-letter-type',
      'contract',
      '--no-prefer-signed',
      '--no-files',
    );
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('Offer letter: to "Contract", the unsigned PDF');
    expect(changed.stdout).toContain('Resume and other files: off');
    // Flags not given keep their value.
    expect((await cli('documents', 'settings', id, '--files')).stdout).toContain(
      'Resume and other files: to "Hiring documents"',
    );
    expect((await cli('documents', 'settings', id)).stdout).toContain('the unsigned PDF');

    const defaults = await cli('notifications', 'settings', id);
    expect(defaults.stdout).toContain('Recipients (default: the admin who connected Ashby):');
    expect(defaults.stdout).toContain('Ada Admin <ada@example.com>');
    const viewer = await cli('notifications', 'settings', id, '--recipient', 'vera@example.com');
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toMatch(
      /invalid_fields: Refused recipients: .+ \(\S+@\S+\) may not manage the ATS inbox \(role viewer\)/,
    );
    const chosen = await cli(
      'notifications',
      'settings',
      id,
      '--recipient',
      'ian@example.com',
      '--recipient',
      'ada@example.com',
    );
    expect(chosen.stdout).toMatch(/Recipients:\n {2}Ada Admin[^\n]*\n {2}Ian Inbox/);
    expect(chosen.stdout).toContain('email off (set SMTP_URL)');
  }, 240_000);
});
