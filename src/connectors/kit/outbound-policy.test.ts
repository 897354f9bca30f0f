import { describe, expect, it } from 'vitest';
import { checkOutboundUrl, type OutboundPolicy } from './outbound-policy.js';
import type { ResolvedAddress } from './safe-download.js';

const DNS: Record<string, readonly ResolvedAddress[]> = {
  'hooks.example.com': [{ address: '93.184.216.34', family: 4 }],
  'rebind.example.com': [
    { address: '93.184.216.34', family: 4 },
    { address: '10.1.2.3', family: 4 },
  ],
};
const resolved: string[] = [];
const policy = (allowPrivate: boolean): OutboundPolicy => ({
  allowPrivate,
  resolveHost: (host) => {
    resolved.push(host);
    const found = DNS[host];
    return found ? Promise.resolve(found) : Promise.reject(new Error('ENOTFOUND'));
  },
});
const refusal = (url: string, allowPrivate = false) =>
  checkOutboundUrl(policy(allowPrivate), url, 'slackWebhookUrl').then(
    () => undefined,
    (err: Error & { details?: Record<string, unknown> }) => ({ message: err.message, details: err.details }),
  );

describe('the outbound address policy', () => {
  it('allows https to public addresses and returns them for pinning', async () => {
    expect(await checkOutboundUrl(policy(false), 'https://hooks.example.com/services/x')).toEqual(
      DNS['hooks.example.com'],
    );
  });

  it('refuses private, loopback and metadata addresses, naming the field and the address', async () => {
    expect(await refusal('https://rebind.example.com/x')).toMatchObject({
      message:
        'slackWebhookUrl resolves to a private address (10.1.2.3); only public addresses are allowed unless ALLOW_PRIVATE_OUTBOUND=true',
      details: { reason: 'outbound_refused', problems: [{ field: 'slackWebhookUrl' }] },
    });
    expect((await refusal('https://127.0.0.1:8080/x'))?.message).toMatch(/loopback address \(127\.0\.0\.1\)/);
    expect((await refusal('https://[::1]/x'))?.message).toMatch(/loopback address \(::1\)/);
    expect((await refusal('https://169.254.169.254/latest'))?.message).toMatch(/link-local/);
  });

  it('refuses http, other schemes, user info and names that do not resolve', async () => {
    expect((await refusal('http://hooks.example.com/x'))?.message).toMatch(/must use https/);
    expect((await refusal('ftp://hooks.example.com/x'))?.message).toMatch(/the ftp scheme is not allowed/);
    expect((await refusal('https://u:p@hooks.example.com/x'))?.message).toMatch(/user name or password/);
    expect((await refusal('https://nowhere.example.com/x'))?.message).toMatch(/could not be resolved/);
    expect((await refusal('not a url'))?.message).toMatch(/is not a valid URL/);
  });

  it('with ALLOW_PRIVATE_OUTBOUND allows http and private hosts without resolving (nothing to pin)', async () => {
    resolved.length = 0;
    expect(await checkOutboundUrl(policy(true), 'http://10.1.2.3:8080/hr')).toEqual([]);
    expect(await checkOutboundUrl(policy(true), 'http://hr.internal/api')).toEqual([]);
    expect(resolved).toEqual([]);
    expect((await refusal('ftp://10.1.2.3/x', true))?.message).toMatch(/the ftp scheme is not allowed/);
  });
});
