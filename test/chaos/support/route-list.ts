import type { FastifyInstance, HTTPMethods } from 'fastify';

const METHODS: readonly HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every route the running app serves, as "METHOD /path", read from Fastify's own route tree
 * (`printRoutes`), so a route added anywhere shows up here without anyone listing it. Each parsed route
 * is checked back with `hasRoute`, so a change in the tree's format fails loudly instead of hiding routes.
 */
export function listRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  for (const method of METHODS) {
    const stack: string[] = [];
    for (const line of app.printRoutes({ commonPrefix: false, method }).split('\n')) {
      const match = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
      if (!match) continue;
      const depth = (match[1] ?? '').length / 4;
      stack.length = depth;
      stack.push(match[2] ?? '');
      const methods = (match[3] ?? '').split(', ').filter(Boolean);
      if (!methods.includes(method)) continue;
      const url = stack.join('');
      if (!app.hasRoute({ method, url }))
        throw new Error(`parsed ${method} ${url} from printRoutes, but Fastify has no such route`);
      routes.push(`${method} ${url}`);
    }
  }
  return routes.sort();
}
