import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAshbyWebhook } from './webhook.js';

const buf = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

const application = {
  id: 'app-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  status: 'Hired',
  candidate: { id: 'cand-1', name: 'Ada Lovelace' },
  currentInterviewStage: { id: 's', title: 'Hired', type: 'Hired' },
  job: { id: 'job-1', title: 'Engineer', locationId: 'loc-1', departmentId: 'dep-1' },
  hiringTeam: [],
};
const offer = {
  id: 'offer-1',
  applicationId: 'app-1',
  acceptanceStatus: 'Accepted',
  offerStatus: 'CandidateAccepted',
  decidedAt: '2026-01-20T00:00:00.000Z',
  latestVersion: {
    id: 'v2',
    createdAt: '2026-01-19T00:00:00.000Z',
    startDate: '2026-03-01T00:00:00.000Z',
    salary: { currencyCode: 'EUR', value: 85000 },
  },
  versions: [],
  formDefinition: { sections: [] },
};

describe('parseAshbyWebhook', () => {
  const parse = (value: unknown) => parseAshbyWebhook(buf(value));

  it.each([
    [
      'candidateHire',
      { application, offer },
      { applicationId: 'app-1', candidateId: 'cand-1', offer: 'offer-1' },
    ],
    ['candidateHire', { application }, { applicationId: 'app-1', candidateId: 'cand-1', offer: null }],
    ['applicationUpdate', { application }, { applicationId: 'app-1', candidateId: 'cand-1', offer: null }],
    ['candidateStageChange', { application }, { applicationId: 'app-1', candidateId: 'cand-1', offer: null }],
    ['applicationSubmit', { application }, { applicationId: 'app-1', candidateId: 'cand-1', offer: null }],
    ['pushToHRIS', { application }, { applicationId: 'app-1', candidateId: 'cand-1', offer: null }],
    ['offerCreate', { offer }, { applicationId: 'app-1', candidateId: null, offer: 'offer-1' }],
    ['offerUpdate', { offer }, { applicationId: 'app-1', candidateId: null, offer: 'offer-1' }],
    [
      'offerDelete',
      { offer: { id: 'offer-1', applicationId: 'app-1' } },
      { applicationId: 'app-1', candidateId: null, offer: null },
    ],
    [
      'candidateDelete',
      { candidate: { id: 'cand-9' } },
      { applicationId: null, candidateId: 'cand-9', offer: null },
    ],
    [
      'candidateMerge',
      { deletedCandidate: { id: 'c-old' }, mergedCandidate: { id: 'c-new' } },
      { applicationId: null, candidateId: 'c-new', offer: null },
    ],
    ['ping', { webhookActionType: 'ping' }, { applicationId: null, candidateId: null, offer: null }],
    [
      'signatureRequestUpdate',
      { relatedEntityType: 'application', applicationId: 'app-7', eventType: 'sent' },
      { applicationId: 'app-7', candidateId: null, offer: null },
    ],
    [
      'interviewScheduleUpdate',
      { interviewSchedule: { id: 'i', applicationId: 'app-3', candidateId: 'c-3' } },
      { applicationId: 'app-3', candidateId: 'c-3', offer: null },
    ],
    ['jobUpdate', { job: { id: 'job-1' } }, { applicationId: null, candidateId: null, offer: null }],
    ['somethingNew', { whatever: [1, 2, 3] }, { applicationId: null, candidateId: null, offer: null }],
  ])('%s → ids and offer', (action, data, expected) => {
    const result = parse({ webhookActionId: 'wa-1', action, data });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toMatchObject({
      webhookActionId: 'wa-1',
      action,
      applicationId: expected.applicationId,
      candidateId: expected.candidateId,
    });
    expect(result.event.offer?.id ?? null).toBe(expected.offer);
  });

  it('keeps the full wire offer, latest version included', () => {
    const result = parse({ webhookActionId: 'wa', action: 'candidateHire', data: { application, offer } });
    expect(result.ok && result.event.offer?.latestVersion?.salary).toEqual({
      currencyCode: 'EUR',
      value: 85000,
    });
  });

  it('gives null webhookActionId when absent (pings)', () => {
    const result = parse({ action: 'ping', data: { webhookActionType: 'ping' } });
    expect(result).toEqual({
      ok: true,
      event: {
        webhookActionId: null,
        action: 'ping',
        applicationId: null,
        offer: null,
        candidateId: null,
        formerCandidateId: null,
      },
    });
  });

  it('reads both ids of a candidateMerge and the id of a candidateDelete', () => {
    const merge = parse({
      action: 'candidateMerge',
      data: { deletedCandidate: { id: 'old' }, mergedCandidate: { id: 'kept' } },
    });
    expect(merge).toMatchObject({ ok: true, event: { candidateId: 'kept', formerCandidateId: 'old' } });
    const deleted = parse({ action: 'candidateDelete', data: { candidate: { id: 'gone' } } });
    expect(deleted).toMatchObject({ ok: true, event: { candidateId: 'gone', formerCandidateId: null } });
  });

  it('still yields ids when the application differs from the wire schema elsewhere', () => {
    const result = parse({
      action: 'candidateHire',
      data: { application: { id: 'app-1', candidate: { id: 'c' } }, offer: { id: 'broken' } },
    });
    expect(result).toMatchObject({
      ok: true,
      event: { applicationId: 'app-1', candidateId: 'c', offer: null },
    });
  });

  it.each([
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'invalid_utf8'],
    ['empty body', Buffer.alloc(0), 'invalid_json'],
    ['not JSON', buf('action=ping'), 'invalid_json'],
    ['truncated JSON', buf('{"action":"ping","data":{'), 'invalid_json'],
    ['JSON null', buf('null'), 'not_an_object'],
    ['JSON array', buf('[{"action":"ping","data":{}}]'), 'not_an_object'],
    ['JSON string', buf('"candidateHire"'), 'not_an_object'],
    ['JSON number', buf('42'), 'not_an_object'],
    ['missing action', buf({ data: {} }), 'invalid_envelope'],
    ['missing data', buf({ action: 'ping' }), 'invalid_envelope'],
    ['action not a string', buf({ action: 7, data: {} }), 'invalid_envelope'],
    ['data an array', buf({ action: 'ping', data: [] }), 'invalid_envelope'],
    ['data a string', buf({ action: 'ping', data: 'x' }), 'invalid_envelope'],
    ['webhookActionId a number', buf({ webhookActionId: 5, action: 'ping', data: {} }), 'invalid_envelope'],
    [
      '__proto__ at the top',
      buf('{"__proto__":{"polluted":true},"action":"ping","data":{}}'),
      'forbidden_key',
    ],
    [
      '__proto__ nested',
      buf('{"action":"x","data":{"application":{"__proto__":{"id":"evil"}}}}'),
      'forbidden_key',
    ],
    ['escaped __proto__', buf('{"action":"x","data":{"\\u005f_proto__":{}}}'), 'forbidden_key'],
    [
      'constructor.prototype',
      buf('{"action":"x","data":{"constructor":{"prototype":{"polluted":true}}}}'),
      'forbidden_key',
    ],
  ])('rejects %s', (_name, raw, reason) => {
    expect(parseAshbyWebhook(raw)).toEqual({ ok: false, reason });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('allows a harmless "constructor" key', () => {
    expect(parse({ action: 'x', data: { constructor: 'a string' } }).ok).toBe(true);
  });

  it('never throws on deeply nested input', () => {
    const deep = '{"action":"x","data":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect(() => parseAshbyWebhook(buf(deep))).not.toThrow();
  });

  it('property: never throws on arbitrary bytes or arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(() => parseAshbyWebhook(Buffer.from(bytes))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.string()), (data, action) => {
        const result = parseAshbyWebhook(buf({ action, data }));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
