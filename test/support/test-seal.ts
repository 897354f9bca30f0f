import type { PersonalDataSeal } from '../../src/core/ports/personal-data-seal.js';
import { createPersonalDataSeal } from '../../src/security/personal-data-seal.js';
import { createSecretBox } from '../../src/security/secret-box.js';

/** A personal-data seal over a fixed test key (stores built by hand in tests need one). */
export function testSeal(key: Buffer = Buffer.alloc(32, 7)): PersonalDataSeal {
  return createPersonalDataSeal(createSecretBox(key));
}
