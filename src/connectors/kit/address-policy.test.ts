import { describe, expect, it } from 'vitest';
import { classifyAddress, isLoopbackUrl } from './address-policy.js';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::', 'reserved'],
    ['ff02::1', 'reserved'],
  ] as const)('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each([
    // IPv4-mapped IPv6, in both spellings, must not launder an internal IPv4 address.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    // IPv4-compatible, NAT64 and 6to4 forms embed an IPv4 address a gateway would reach.
    ['::7f00:1', 'reserved'],
    ['64:ff9b::a9fe:a9fe', 'reserved'],
    ['2002:7f00:1::', 'reserved'],
    ['2001:0:4136:e378::1', 'reserved'],
  ] as const)('embedded form %s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('returns undefined for hostnames, which callers must resolve first', () => {
    expect(classifyAddress('example.com')).toBeUndefined();
    expect(classifyAddress('localhost')).toBeUndefined();
    expect(classifyAddress('2130706433')).toBeUndefined();
  });
});

describe('isLoopbackUrl', () => {
  it.each([
    ['http://127.0.0.1:4010', true],
    ['http://localhost:4010/', true],
    ['http://LOCALHOST.:4010/', true],
    ['http://[::1]:4010', true],
    ['http://2130706433:4010', true],
    ['http://0177.0.0.1', true],
    ['https://api.ashbyhq.com', false],
    ['http://10.0.0.1', false],
    ['http://localhost.evil.example', false],
    ['not a url', false],
  ] as const)('%s → %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });
});
