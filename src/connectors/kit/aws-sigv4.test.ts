import { describe, expect, it } from 'vitest';
import { EMPTY_PAYLOAD_HASH, signRequest, uriEncode } from './aws-sigv4.js';

const signatureOf = (headers: Record<string, string>) =>
  /Signature=([0-9a-f]{64})$/.exec(headers['authorization'] ?? '')?.[1];

describe('signRequest', () => {
  it("matches AWS's S3 GET Object example (sig-v4-header-based-auth)", () => {
    const headers = signRequest({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_PAYLOAD_HASH },
      payloadHash: EMPTY_PAYLOAD_HASH,
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      region: 'us-east-1',
      service: 's3',
      now: Date.parse('2013-05-24T00:00:00Z'),
    });
    expect(headers['authorization']).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
  });

  it("matches the SigV4 test suite's get-vanilla-query-order-key-case (query sorted by name)", () => {
    const headers = signRequest({
      method: 'GET',
      url: new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1'),
      headers: {},
      payloadHash: EMPTY_PAYLOAD_HASH,
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      },
      region: 'us-east-1',
      service: 'service',
      now: Date.parse('2015-08-30T12:36:00Z'),
    });
    expect(signatureOf(headers)).toBe('b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
  });

  it('signs the session token of temporary credentials', () => {
    const headers = signRequest({
      method: 'GET',
      url: new URL('https://s3.example.test/bucket/key'),
      headers: {},
      payloadHash: EMPTY_PAYLOAD_HASH,
      credentials: { accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T' },
      region: 'eu-west-1',
      service: 's3',
      now: 0,
    });
    expect(headers['x-amz-security-token']).toBe('T');
    expect(headers['authorization']).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token,');
  });
});

describe('uriEncode', () => {
  it('encodes everything but unreserved characters', () => {
    expect(uriEncode("a b/c!'()*~._-")).toBe('a%20b%2Fc%21%27%28%29%2A~._-');
    expect(uriEncode('é')).toBe('%C3%A9');
  });
});
