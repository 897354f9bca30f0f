/**
 * Seals the values of sensitive fields (salary, personal phone, whatever an admin marks sensitive)
 * inside the JSON maps the database keeps by field key: new hires' and members' fields, and the
 * before/after values of their histories. Implemented in security/personal-data-seal.ts over the secret
 * box. `context` names the column and row (for example `members.fields:<id>`); the field key is bound
 * too, so a sealed value copied to another row, column or field fails to open.
 */
export interface PersonalDataSeal {
  /** The map with the values of sensitive keys sealed; values already sealed are left as they are. */
  sealMap(map: Readonly<Record<string, unknown>>, context: string): Record<string, unknown>;
  /** The map with every sealed value opened (whatever the keys sensitive today). */
  openMap<T extends Record<string, unknown>>(map: Readonly<Record<string, unknown>>, context: string): T;
  /** Whether a map still holds a plaintext value at a sensitive key (the reseal pass skips the rest). */
  needsSealing(map: Readonly<Record<string, unknown>>): boolean;
  /**
   * Adds keys a mapping marks sensitive; true when one was new (stored rows may then need sealing).
   * Keys are only ever added: a value once sealed stays sealed.
   */
  learn(keys: readonly string[]): boolean;
}
