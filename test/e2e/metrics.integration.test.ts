import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // Hired in the sample company

let h: IntakeHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

interface Family {
  name: string;
  type: string;
  metrics: { labels?: Record<string, string>; value?: string }[];
}

function family(text: string, name: string): Family {
  const found = (parsePrometheusTextFormat(text) as Family[]).find((f) => f.name === name);
  if (!found) throw new Error(`${name} is not in /metrics`);
  return found;
}

function valueOf(f: Family, labels: Record<string, string>): number | undefined {
  const m = f.metrics.find((x) => Object.entries(labels).every(([k, v]) => x.labels?.[k] === v));
  return m?.value === undefined ? undefined : Number(m.value);
}

describe.each(TEST_DIALECTS)('/metrics on %s', (dialect) => {
  it('exposes deliveries, imports, the queue, job durations and Ashby calls in Prometheus text, with no personal data', async () => {
    h = await startIntakeHarness(dialect);
    await h.sim.createWebhook({
      webhookType: 'candidateHire',
      requestUrl: `${h.server.url}/webhooks/ashby/${h.connectionId}`,
      secretToken: h.secretToken,
    });
    h.sim.hire(ANNA);
    await h.settle();

    const response = await fetch(`${h.server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();

    expect(valueOf(family(text, 'hirebridge_webhook_deliveries'), { status: 'processed' })).toBeGreaterThan(
      0,
    );
    expect(valueOf(family(text, 'hirebridge_new_hires'), { status: 'in_review' })).toBe(1);
    const queue = family(text, 'hirebridge_queue_jobs');
    expect(valueOf(queue, { kind: 'ashby.application.import', state: 'completed' })).toBeGreaterThanOrEqual(
      1,
    );
    const durations = family(text, 'hirebridge_job_duration_seconds');
    expect(durations.type).toBe('HISTOGRAM');
    // The parser folds a histogram's series together, so its labels are checked on the raw count line.
    expect(text).toMatch(
      /^hirebridge_job_duration_seconds_count\{[^}]*kind="ashby\.application\.import"[^}]*\} [1-9]/m,
    );
    expect(
      valueOf(family(text, 'hirebridge_outbound_calls_total'), { system: 'ashby', status: '2xx' }),
    ).toBeGreaterThan(0);
    family(text, 'hirebridge_queue_oldest_job_age_seconds');

    // Nothing about the person: the new hire's name and emails never reach the exposition.
    const hire = await h.api<{ items: { fields: Record<string, { value: unknown }> }[] }>(
      '/api/v1/new-hires',
    );
    const fields = hire.body.items[0]?.fields ?? {};
    for (const key of ['firstName', 'lastName', 'personalEmail']) {
      const value = fields[key]?.value;
      expect(typeof value).toBe('string');
      expect(text).not.toContain(String(value));
    }
  });
});

describe('/metrics on its own port', () => {
  it('is served on METRICS_PORT only, and not on the public listener', async () => {
    const metricsPort = await freePort();
    h = await startIntakeHarness('sqlite', { env: { METRICS_PORT: String(metricsPort) } });
    // The public listener answers /metrics like any unknown page (the admin app), never with the figures.
    const onPublic = await fetch(`${h.server.url}/metrics`);
    expect(await onPublic.text()).not.toContain('hirebridge_queue_jobs');
    const own = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(own.status).toBe(200);
    family(await own.text(), 'hirebridge_queue_jobs');
  });
});
