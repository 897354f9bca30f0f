/** Random identifiers reach code only through this port, so tests can make them predictable. */
export interface IdGenerator {
  /** A new unique, URL-safe identifier. */
  newId(): string;
}
