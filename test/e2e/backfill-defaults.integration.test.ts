import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCompany } from '../../src/connectors/ashby/fake/generator.js';
import { startSmtpSink, type SmtpSink } from '../../src/connectors/smtp/fake/smtp-sink.js';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { runCli } from '../support/run-cli.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';

const DAY = 86_400_000;

interface Hire {
  fields: Record<string, { value: unknown } | undefined>;
}

/**
 * Backfill defaults: by default only hires starting today or later are imported (`--since` and
 * "include past hires" change that), and the hires a backfill brings are announced by one digest email,
 * not an alert each. The company's hires were decided over the last months, so their start dates fall
 * on both sides of today.
 */
describe.each(TEST_DIALECTS)('Backfill defaults on %s', (dialect) => {
  let h: IntakeHarness;
  let smtp: SmtpSink;
  // Hires decided from 55 days ago on, each starting 14 to 60 days after its offer.
  const scenario = generateCompany({ seed: 11, hires: 16, startMs: Date.now() - 55 * DAY });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    h = await startIntakeHarness(dialect, {
      scenario,
      key: scenario.apiKeys[0]!.key,
      env: { SMTP_URL: smtp.url, SMTP_FROM: 'HireBridge <hirebridge@example.com>' },
      beforeConnect: async (api) => {
        const created = await api<{ id: string }>('/api/v1/users', {
          method: 'POST',
          body: JSON.stringify({ email: 'grace@example.com', name: 'Grace Admin', role: 'admin' }),
        });
        return { connectedByUserId: created.body.id };
      },
    });
  }, 60_000);
  afterAll(async () => {
    await h?.dispose();
    await smtp?.close();
  });

  const inReview = async () =>
    (await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500&status=in_review')).body.items;
  const startOf = (hire: Hire) => hire.fields['employmentStartDate']?.value as string | undefined;
  const digests = () => smtp.messages.filter((m) => /imported from Ashby wait for review/.test(m.subject));
  // Grace's invite is emailed when she is added (SMTP is set up); the rest is about hires.
  const invites = () => smtp.messages.filter((m) => m.subject === 'You are invited to HireBridge');
  const hireMails = () => smtp.messages.filter((m) => !invites().includes(m));

  it('imports only hires starting today or later, announced by one digest email', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const result = await h.server.container.backfillAshby({ connectionId: h.connectionId });
    expect(result.found).toBe(16);
    expect(result.startsOnOrAfter).toBe(today);
    await h.settle(30_000);
    const first = await inReview();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(16);
    for (const hire of first) {
      const start = startOf(hire);
      if (start !== undefined) expect(start >= today, `start date ${start}`).toBe(true);
    }
    await waitFor('the digest email', () => digests().length === 1, 20_000, 100);
    expect(digests()[0]!.subject).toBe(`${String(first.length)} hires imported from Ashby wait for review`);
    expect(digests()[0]!.to).toEqual(['grace@example.com']);
    // No alert per hire.
    expect(hireMails()).toHaveLength(1);
    expect(invites().map((m) => m.to)).toEqual([['grace@example.com']]);
  }, 90_000);

  it('"include past hires" imports the rest, with one more digest; a bad --since is refused by name', async () => {
    const before = (await inReview()).length;
    await h.server.container.backfillAshby({ connectionId: h.connectionId, includePast: true });
    await h.settle(30_000);
    expect(await inReview()).toHaveLength(16);
    await waitFor('the second digest', () => digests().length === 2, 20_000, 100).catch(
      async (err: unknown) => {
        const jobs = await h.server.container.database.db
          .selectFrom('jobs')
          .select(['kind', 'state', 'last_error', 'run_at'])
          .where('kind', 'like', 'notifications%')
          .execute();
        throw new Error(`${String(err)}: ${JSON.stringify(jobs)}`);
      },
    );
    expect(digests()[1]!.subject).toBe(`${String(16 - before)} hires imported from Ashby wait for review`);
    expect(hireMails()).toHaveLength(2);

    await expect(
      h.server.container.backfillAshby({ connectionId: h.connectionId, since: '2027-02-30' }),
    ).rejects.toThrow(/since must be a date as YYYY-MM-DD/);
    if (dialect === 'sqlite') {
      const cli = await runCli(
        ['ashby', 'backfill', '--connection', h.connectionId, '--since', '02/30/2027', '--no-wait'],
        h.server.env,
      );
      expect(cli.code).not.toBe(0);
      expect(cli.stderr).toContain('--since must be a date as YYYY-MM-DD');
    }
  }, 120_000);

  it('the API backfills with the same defaults and refuses bad input by name', async () => {
    const ok = await h.api<{ found: number; queued: number; startsOnOrAfter: string | null }>(
      `/api/v1/connections/${h.connectionId}/backfill`,
      { method: 'POST', body: JSON.stringify({ since: '2026-01-01' }) },
    );
    expect(ok.status).toBe(202);
    expect(ok.body).toMatchObject({ found: 16, startsOnOrAfter: '2026-01-01' });
    const past = await h.api<{ startsOnOrAfter: string | null }>(
      `/api/v1/connections/${h.connectionId}/backfill`,
      { method: 'POST', body: JSON.stringify({ includePast: true }) },
    );
    expect(past.body.startsOnOrAfter).toBeNull();
    for (const [body, named] of [
      [{ since: '02/30/2027' }, 'since'],
      [{ since: '2027-02-30' }, 'since'],
      [{ includePast: 'yes' }, 'includePast'],
      [{ everything: true }, 'everything'],
    ] as const) {
      const bad = await h.api<{ error: { message: string } }>(
        `/api/v1/connections/${h.connectionId}/backfill`,
        {
          method: 'POST',
          body: JSON.stringify(body),
        },
      );
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.message).toContain(named);
    }
    const inbox = await h.server.token('inbox');
    const refused = await fetch(`${h.server.url}/api/v1/connections/${h.connectionId}/backfill`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inbox}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    await h.settle(30_000);
  }, 60_000);
});
