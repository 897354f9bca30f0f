export interface CallLogEntry {
  /** `<category>.<method>`, `file.download`, or the raw path for unknown routes */
  endpoint: string;
  /** API key used (null when none was given) */
  key: string | null;
  /** HTTP status sent, or null when the connection was dropped or left hanging */
  status: number | null;
  /** Business error code for HTTP 200 `success:false` answers (and 403 missing_endpoint_permission) */
  errorCode: string | null;
  fault: 'drop' | 'hang' | 'rate-limit' | 'server-error' | 'key-rate-limit' | null;
  requestId: string | null;
  time: number;
}

/** Every API call and file download, for assertions, benchmarks and `GET /_simulator/stats`. */
export class CallLog {
  readonly entries: CallLogEntry[] = [];

  add(entry: CallLogEntry): void {
    this.entries.push(entry);
  }

  count(endpoint?: string): number {
    if (endpoint === undefined) return this.entries.length;
    return this.entries.filter((e) => e.endpoint === endpoint).length;
  }

  summary(): { total: number; byEndpoint: Record<string, number>; byStatus: Record<string, number> } {
    const byEndpoint: Record<string, number> = {};
    const byStatus: Record<string, number> = {};
    for (const e of this.entries) {
      byEndpoint[e.endpoint] = (byEndpoint[e.endpoint] ?? 0) + 1;
      const status = e.status === null ? (e.fault ?? 'none') : String(e.status);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
    return { total: this.entries.length, byEndpoint, byStatus };
  }

  reset(): void {
    this.entries.length = 0;
  }
}
