/**
 * Where document files live (filesystem under DATA_DIR by default, S3-compatible storage at scale).
 * Keys are chosen by HireBridge (`documents/<document id>`), never by the outside world, and say
 * nothing about the person: ownership lives in the database, so moving a file to a member is a row
 * update, not a copy.
 */
export interface BlobStore {
  /** Stores the bytes under `key`, replacing what was there; resolves once they are durable. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes as a stream, or undefined when nothing is stored under `key`. */
  open(key: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Removes `key`; removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}
