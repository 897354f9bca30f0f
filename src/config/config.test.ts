import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { resolveSecretKey } from './secret-key-file.js';

describe('loadConfig', () => {
  it('defaults to SQLite in ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({}, '/srv/hb');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/hb/data',
      database: { dialect: 'sqlite', file: '/srv/hb/data/hirebridge.sqlite' },
      publicUrl: 'http://127.0.0.1:3000',
      secretKey: undefined,
      runWorker: true,
    });
  });

  it('selects PostgreSQL from a postgres:// DATABASE_URL and keeps PUBLIC_URL without a trailing slash', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/hb',
      PUBLIC_URL: 'https://hb.example.com/',
    });
    expect(config.database).toEqual({ dialect: 'postgres', url: 'postgres://u@db:5432/hb' });
    expect(config.publicUrl).toBe('https://hb.example.com');
  });

  it('names every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        PUBLIC_URL: 'not a url',
        HIREBRIDGE_SECRET_KEY: 'short',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT: must be a number');
    expect(problems).toContain('DATABASE_URL: must start with postgres://');
    expect(problems).toContain('PUBLIC_URL');
    expect(problems).toContain('HIREBRIDGE_SECRET_KEY: must be 32 bytes');
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('reads TRUST_PROXY as off, on, a hop count or proxy addresses, and names a bad value', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY: must be true, false/);
  });

  it('refuses a port out of range with the variable named', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be between 0 and 65535/);
  });

  it('accepts the master key as hex or base64 and treats empty variables as unset', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ HIREBRIDGE_SECRET_KEY: hex }).secretKey?.toString('hex')).toBe(hex);
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ HIREBRIDGE_SECRET_KEY: b64 }).secretKey).toEqual(Buffer.alloc(32, 7));
    expect(loadConfig({ PORT: '', HIREBRIDGE_SECRET_KEY: '' })).toMatchObject({
      port: 3000,
      secretKey: undefined,
    });
  });
});

describe('resolveSecretKey', () => {
  it('creates a random key once in DATA_DIR with mode 0600 and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-key-'));
    const first = resolveSecretKey(undefined, dir);
    const second = resolveSecretKey(undefined, dir);
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });

  it('prefers the configured key and refuses a damaged key file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-key-'));
    expect(resolveSecretKey(Buffer.alloc(32, 1), dir)).toEqual(Buffer.alloc(32, 1));
    fs.writeFileSync(path.join(dir, 'secret.key'), 'garbage');
    expect(() => resolveSecretKey(undefined, dir)).toThrow(/does not hold a 32-byte key/);
    fs.rmSync(dir, { recursive: true });
  });
});
