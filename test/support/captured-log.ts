import { Writable } from 'node:stream';
import { createLogger } from '../../src/observability/logger.js';

/** A real HireBridge logger (same serializers and redaction) writing into memory, for tests that read the log. */
export function capturedLog(level = 'info') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    lines,
    text: () => lines.join('\n'),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
