import { describe, expect, it } from 'vitest';
import { classifyStatus, errorForStatus, errorForTransport } from './classify.js';

describe('classifyStatus (reliability.md §3.5)', () => {
  const table: [number, string][] = [
    [200, 'ok'],
    [201, 'ok'],
    [204, 'ok'],
    [408, 'retryable'],
    [425, 'retryable'],
    [500, 'retryable'],
    [502, 'retryable'],
    [503, 'retryable'],
    [504, 'retryable'],
    [599, 'retryable'],
    [429, 'rate_limited'],
    [401, 'auth'],
    [403, 'auth'],
    [400, 'permanent'],
    [404, 'permanent'],
    [409, 'permanent'],
    [422, 'permanent'],
    [301, 'permanent'],
    [302, 'permanent'],
    [100, 'permanent'],
  ];
  it.each(table)('HTTP %i → %s', (status, kind) => {
    expect(classifyStatus(status).kind).toBe(kind);
  });

  it.each([
    [503, 'upstream_retryable', true],
    [429, 'rate_limited', true],
    [401, 'upstream_permanent', false],
    [403, 'upstream_permanent', false],
    [404, 'upstream_permanent', false],
    [422, 'upstream_permanent', false],
  ] as const)('HTTP %i → AppError %s (retryable %s)', (status, code, retryable) => {
    const err = errorForStatus('ashby candidate.info', status, status === 429 ? 1000 : undefined);
    expect(err.code).toBe(code);
    expect(err.retryable).toBe(retryable);
    expect(err.message).toContain('ashby candidate.info');
    expect(err.message).toContain(String(status));
    expect(err.details).toMatchObject({ endpoint: 'ashby candidate.info', status });
    if (status === 429) expect(err.retryAfterMs).toBe(1000);
  });

  it('classifies timeouts, aborts and network failures as retryable without leaking the cause text', () => {
    const timeout = errorForTransport(
      'x',
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
    );
    expect(timeout).toMatchObject({ code: 'upstream_retryable', message: 'x: timed out' });
    const abort = errorForTransport('x', new DOMException('aborted', 'AbortError'));
    expect(abort.details).toMatchObject({ reason: 'aborted' });
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443 secret-host'), {
      code: 'ECONNREFUSED',
    });
    const net = errorForTransport('x', new TypeError('fetch failed', { cause }));
    expect(net).toMatchObject({ code: 'upstream_retryable', message: 'x: network error (ECONNREFUSED)' });
    expect(net.message).not.toContain('secret-host');
  });
});
