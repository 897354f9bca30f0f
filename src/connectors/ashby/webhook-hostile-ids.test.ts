import { describe, expect, it } from 'vitest';
import { parseAshbyWebhook } from './webhook.js';

const parse = (value: unknown) => parseAshbyWebhook(Buffer.from(JSON.stringify(value)));

/**
 * Values that reach the database from a signed body must be storable on both databases: no NUL (which
 * PostgreSQL text refuses) and short enough for a btree index entry. Found by the hostile-input chaos scenario.
 */
describe('parseAshbyWebhook with hostile ids', () => {
  it('refuses an action or webhookActionId that is not a plausible name or id', () => {
    const data = { application: { id: 'app-1' } };
    expect(parse({ webhookActionId: 'a\u0000b', action: 'candidateHire', data })).toEqual({
      ok: false,
      reason: 'invalid_envelope',
    });
    expect(parse({ webhookActionId: 'x'.repeat(5_000), action: 'candidateHire', data })).toEqual({
      ok: false,
      reason: 'invalid_envelope',
    });
    expect(parse({ webhookActionId: 'w1', action: 'candidate\u0000Hire', data })).toEqual({
      ok: false,
      reason: 'invalid_envelope',
    });
    expect(parse({ webhookActionId: 'w1', action: 'a'.repeat(200), data })).toEqual({
      ok: false,
      reason: 'invalid_envelope',
    });
  });

  it('treats an application id that is not a plausible id as absent', () => {
    const result = parse({
      webhookActionId: 'w1',
      action: 'applicationUpdate',
      data: { application: { id: 'app\u0000' } },
    });
    expect(result.ok && result.event.applicationId).toBeNull();
    const fine = parse({
      webhookActionId: '5b3c1d2e-0000-4000-8000-000000000001',
      action: 'applicationUpdate',
      data: { application: { id: 'app-1' } },
    });
    expect(fine.ok && fine.event).toMatchObject({
      applicationId: 'app-1',
      webhookActionId: '5b3c1d2e-0000-4000-8000-000000000001',
    });
  });
});
