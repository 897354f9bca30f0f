/** A file downloaded from a URL a source system handed out, with what HireBridge records about it. */
export interface FetchedFile {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly size: number;
  /** Hex SHA-256. */
  readonly sha256: string;
}

/**
 * Downloads third-party file URLs under the SSRF rules (connectors/kit/safe-download.ts). `sourceApiUrl`
 * is the API URL of the connection that gave the link: only when it is loopback (the local simulator)
 * may the link be plain http on loopback.
 */
export interface FileFetcher {
  fetch(url: string, context: { sourceApiUrl: string; signal?: AbortSignal }): Promise<FetchedFile>;
}
