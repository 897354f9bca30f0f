import type { TestServer } from './test-server.js';
import { httpCall } from './session-client.js';

/** The token of an invite or reset link, wherever the link carries it (fragment or path). */
export const linkToken = (url: string): string => new URL(url).hash.slice(1) || url.split('/').pop()!;

/** Adds a user through the people services and accepts their invite over HTTP, so they can sign in. */
export async function addSignedUpUser(
  server: TestServer,
  user: { email: string; name: string; role: 'admin' | 'inbox' | 'viewer'; password: string },
): Promise<string> {
  const invited = await server.container.services.people.addUser({
    email: user.email,
    name: user.name,
    role: user.role,
    principal: { kind: 'token', id: 'test', name: 'test', role: 'admin' },
  });
  const answer = await httpCall(server.url, 'POST', '/api/v1/auth/invites/accept', {
    body: { token: linkToken(invited.inviteUrl), password: user.password },
  });
  if (answer.status !== 201) throw new Error(`invite not accepted: ${answer.status} ${answer.text}`);
  return invited.id;
}
