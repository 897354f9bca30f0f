import type { FastifyInstance, HTTPMethods } from 'fastify';

const METHODS: readonly HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const LINE = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route the running app serves, as "METHOD /path", read from Fastify's own route tree
 * (`printRoutes`), so a route added anywhere shows up here without anyone listing it. Each parsed route
 * is checked back with `hasRoute`, so a change in the tree's format fails loudly instead of hiding routes.
 */
export function listRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  for (const method of METHODS) {
    const stack: string[] = [];
    const lines = app.printRoutes({ commonPrefix: false, method }).split('\n');
    for (const [index, line] of lines.entries()) {
      const match = LINE.exec(line);
      if (!match) continue;
      const depth = (match[1] ?? '').length / 4;
      stack.length = depth;
      stack.push(match[2] ?? '');
      const methods = (match[3] ?? '').split(', ').filter(Boolean);
      if (!methods.includes(method)) continue;
      const url = wildcardUnder(app, method, stack, siblings(lines, index, depth)) ?? stack.join('');
      if (!app.hasRoute({ method, url }))
        throw new Error(`parsed ${method} ${url} from printRoutes, but Fastify has no such route`);
      routes.push(`${method} ${url}`);
    }
  }
  return routes.sort();
}

/** The labels printed at `depth` next to line `index` (same parent). */
function siblings(lines: readonly string[], index: number, depth: number): string[] {
  const found: string[] = [];
  for (const step of [-1, 1]) {
    for (let i = index + step; i >= 0 && i < lines.length; i += step) {
      const match = LINE.exec(lines[i] ?? '');
      const at = (match?.[1] ?? '').length / 4;
      if (!match || at < depth) break;
      if (at === depth) found.push(match[2] ?? '');
    }
  }
  return found;
}

/**
 * printRoutes shows a wildcard under a static folder (`/api/docs/static/*` of @fastify/static) beside
 * that folder's files (`static/index.html`, `*`), not under the folder: the folder is found from them.
 */
function wildcardUnder(
  app: FastifyInstance,
  method: HTTPMethods,
  stack: readonly string[],
  besides: readonly string[],
): string | undefined {
  const url = stack.join('');
  if (!url.endsWith('*') || app.hasRoute({ method, url })) return undefined;
  const parent = stack.slice(0, -1).join('');
  const folders = new Set(
    besides.flatMap((label) => (label.includes('/') ? [label.slice(0, label.lastIndexOf('/') + 1)] : [])),
  );
  return [...folders]
    .map((folder) => `${parent}${folder}*`)
    .find((candidate) => app.hasRoute({ method, url: candidate }));
}
