import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where scenarios append their result lines (scenario-report.ts). */
    chaosFiguresFile: string;
  }
}

/**
 * Global setup of `npm run test:chaos`: gives the scenarios a file for their result lines and, once every
 * file has run, prints them together so CI logs show all figures in one block.
 */
export default function setup(project: TestProject): () => void {
  const file = path.join(os.tmpdir(), `hirebridge-chaos-figures-${process.pid}.txt`);
  fs.writeFileSync(file, '');
  project.provide('chaosFiguresFile', file);
  return () => {
    const lines = fs.readFileSync(file, 'utf8');
    process.stdout.write(`\n== chaos scenario figures ==\n${lines || '(no scenario reported)\n'}`);
    fs.rmSync(file, { force: true });
  };
}
