/**
 * Seals secrets before they are stored (implemented in security/secret-box.ts). The `context` string
 * binds a ciphertext to its column and row, so a value copied elsewhere fails to open.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}
