import type { Principal } from '../core/auth/role.js';

/** How a person or token is named in history and audit entries: a name and a stable id, no secrets. */
export type Actor = string;

export const actorOf = (principal: Principal): Actor =>
  `${principal.kind}:${principal.name} (${principal.id})`;
