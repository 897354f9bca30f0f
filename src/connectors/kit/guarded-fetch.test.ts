import { describe, expect, it } from 'vitest';
import { guardedUnlessTrusted } from './guarded-fetch.js';

describe('guarded unless trusted', () => {
  const calls: string[] = [];
  const via =
    (name: string): typeof fetch =>
    async (input) => {
      calls.push(`${name} ${typeof input === 'string' ? input : 'not a string'}`);
      return new Response('ok');
    };
  const fetchFor = guardedUnlessTrusted(['https://api.ashbyhq.com'], via('guarded'), via('plain'));

  it('sends the trusted origin through plain fetch and every other address through the guarded one', async () => {
    calls.length = 0;
    await fetchFor('https://api.ashbyhq.com/candidate.info', { method: 'POST' });
    await fetchFor('https://ashby.example.com/candidate.info', { method: 'POST' });
    // Same host as text but another origin: a look-alike host, another port, plain http.
    await fetchFor('https://api.ashbyhq.com.evil.example/candidate.info');
    await fetchFor('https://api.ashbyhq.com:8443/candidate.info');
    await fetchFor('http://api.ashbyhq.com/candidate.info');
    expect(calls).toEqual([
      'plain https://api.ashbyhq.com/candidate.info',
      'guarded https://ashby.example.com/candidate.info',
      'guarded https://api.ashbyhq.com.evil.example/candidate.info',
      'guarded https://api.ashbyhq.com:8443/candidate.info',
      'guarded http://api.ashbyhq.com/candidate.info',
    ]);
  });
});
