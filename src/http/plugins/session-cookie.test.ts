import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.js';

const VALUE = 'A'.repeat(43);

async function answer(publicUrl: string, clear = false) {
  const app = Fastify();
  app.get('/', (_request, reply) => {
    if (clear) clearSessionCookie(reply, publicUrl);
    else setSessionCookie(reply, VALUE, publicUrl, 86_400);
    return reply.send('ok');
  });
  const response = await app.inject({ url: '/' });
  await app.close();
  return String(response.headers['set-cookie']);
}

async function read(cookie: string | undefined, publicUrl = 'http://localhost:3000') {
  const app = Fastify();
  app.get('/', (request) => ({ value: readSessionCookie(request, publicUrl) ?? null }));
  const response = await app.inject({ url: '/', headers: cookie === undefined ? {} : { cookie } });
  await app.close();
  return response.json<{ value: string | null }>().value;
}

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/, and Secure with the __Host- prefix exactly when PUBLIC_URL is https', async () => {
    const plain = await answer('http://localhost:3000');
    expect(plain).toBe(`hb_session=${VALUE}; Max-Age=86400; Path=/; HttpOnly; SameSite=Strict`);
    const secure = await answer('https://hirebridge.example.com');
    expect(secure).toBe(
      `__Host-hb_session=${VALUE}; Max-Age=86400; Path=/; HttpOnly; SameSite=Strict; Secure`,
    );
    expect(await answer('https://hirebridge.example.com', true)).toBe(
      '__Host-hb_session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Strict; Secure',
    );
  });

  it('is read only under its __Host- name on https, so a cookie planted without the prefix is ignored', async () => {
    const https = 'https://hirebridge.example.com';
    expect(await read(`__Host-hb_session=${VALUE}`, https)).toBe(VALUE);
    expect(await read(`hb_session=${VALUE}`, https)).toBeNull();
    expect(await read(`__Host-hb_session=${VALUE}`)).toBeNull();
  });

  it('is read from among other cookies, and ignored when it is not one of ours', async () => {
    expect(await read(undefined)).toBeNull();
    expect(await read(`theme=dark; hb_session=${VALUE}; lang=en`)).toBe(VALUE);
    expect(await read(`hb_session="${VALUE}"`)).toBe(VALUE);
    expect(await read('hb_session=short')).toBeNull();
    expect(await read(`hb_session=${VALUE}%00`)).toBeNull();
    expect(await read(`other_hb_session=${VALUE}`)).toBeNull();
    // Several (another path's cookie first): the first well-formed one.
    expect(await read(`hb_session=bad!; hb_session=${VALUE}`)).toBe(VALUE);
  });
});
