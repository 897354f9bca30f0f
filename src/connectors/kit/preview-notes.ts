import type { PushedMember } from '../../core/ports/destination.js';

/**
 * The manager line every destination's preview shows: matched in the system by email first, then by the
 * id kept from an earlier push, and what happens when neither finds them (issue rule: no guess).
 */
export function managerAtPush(member: PushedMember, system: string): string | null {
  const manager = member.manager;
  if (!manager) return null;
  const who = manager.email ?? manager.name ?? 'unknown';
  const known = manager.remoteId ? ` (then by the id ${manager.remoteId} kept from an earlier push)` : '';
  return `manager: looked up in ${system} by ${manager.email ? `email ${manager.email}` : 'no email'}${known} when pushing; if not found, sent without a manager and the push says "manager not matched: ${who}"`;
}

/** The lookup line: an existing person with the member's email is linked, never created twice. */
export function lookupAtPush(system: string): string {
  return `before creating, ${system} is searched for the member's email: a person already there is linked and updated, not created`;
}
