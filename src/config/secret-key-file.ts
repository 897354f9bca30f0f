import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.js';
import { decodeKey } from './env-schema.js';

const KEY_FILE = 'secret.key';

/**
 * The master key for secrets at rest: HIREBRIDGE_SECRET_KEY when set, otherwise a random key created
 * once in DATA_DIR with mode 0600 and reused on every later start. Losing that file makes stored
 * secrets unreadable, which the README says next to the backup advice.
 */
export function resolveSecretKey(configured: Buffer | undefined, dataDir: string): Buffer {
  if (configured) return configured;
  const file = path.join(dataDir, KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails if the file exists, so two processes starting together cannot both write a key.
    fs.writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = decodeKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new ConfigError([`${file}: does not hold a 32-byte key; restore it from a backup`]);
  return key;
}
