/**
 * How the server names who did something (`user:Dana (id)`, `token:ci (id)`, `ashby`, `cli`) turned into
 * what a person reads: the user's name, or the token's name marked as an API token.
 */
export function actorName(actor: string): string {
  const match = /^(\w+):(.*) \(([^()]*)\)$/.exec(actor);
  if (!match) return actor;
  const [, kind, name = ''] = match;
  return kind === 'token' ? `${name} (API token)` : name;
}
