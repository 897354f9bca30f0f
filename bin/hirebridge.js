#!/usr/bin/env node
// The `hirebridge` command: runs the built CLI when present (npm run build), else the TypeScript source.
import { existsSync } from 'node:fs';

const built = new URL('../dist/main/cli.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main/cli.ts', import.meta.url).href);
}
