import { ALWAYS_SENSITIVE_KEYS } from '../core/mapping/sensitive-fields.js';
import type { PersonalDataSeal } from '../core/ports/personal-data-seal.js';
import type { SecretBox } from '../core/ports/secret-box.js';

/** How a sealed value sits in the stored JSON, in place of the plaintext value. */
const MARK = '$sealed';

interface SealedValue {
  readonly [MARK]: string;
}

const isSealed = (value: unknown): value is SealedValue =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[MARK] === 'string';

/**
 * Field-level sealing with the secret box (AES-256-GCM). Only the sensitive values are sealed, not the
 * whole JSON, so names and emails stay readable for search and matching, and a reader that needs only
 * the name (the Overview, the audit log) never has to decrypt. `null` and absent values are not sealed:
 * they hold nothing personal.
 */
export function createPersonalDataSeal(box: SecretBox, extraKeys: readonly string[] = []): PersonalDataSeal {
  const sensitive = new Set<string>([...ALWAYS_SENSITIVE_KEYS, ...extraKeys]);
  const aad = (context: string, key: string) => `pii:${context}:${key}`;
  const plaintextAt = (map: Readonly<Record<string, unknown>>, key: string) =>
    sensitive.has(key) && map[key] !== undefined && map[key] !== null && !isSealed(map[key]);
  return {
    sealMap(map, context) {
      const out: Record<string, unknown> = { ...map };
      for (const key of Object.keys(map)) {
        if (!plaintextAt(map, key)) continue;
        out[key] = { [MARK]: box.seal(JSON.stringify(map[key]), aad(context, key)) } satisfies SealedValue;
      }
      return out;
    },
    openMap<T extends Record<string, unknown>>(map: Readonly<Record<string, unknown>>, context: string) {
      const out: Record<string, unknown> = { ...map };
      for (const [key, value] of Object.entries(map))
        if (isSealed(value)) out[key] = JSON.parse(box.open(value[MARK], aad(context, key))) as unknown;
      return out as T;
    },
    needsSealing: (map) => Object.keys(map).some((key) => plaintextAt(map, key)),
    learn(keys) {
      const before = sensitive.size;
      for (const key of keys) sensitive.add(key);
      return sensitive.size > before;
    },
  };
}
