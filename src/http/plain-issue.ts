import type { z } from 'zod';

/**
 * Zod's own words for a length or size problem ("Too big: expected string to have <=500 characters")
 * in the words a person reads in the admin app ("is too long: at most 500 characters"). A message a
 * schema wrote itself is kept as written.
 */
export function plainIssueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' && issue.message.startsWith('Too big')) {
    const most = Number(issue.maximum).toLocaleString('en');
    if (issue.origin === 'string') return `is too long: at most ${most} characters`;
    if (issue.origin === 'array' || issue.origin === 'set') return `has too many entries: at most ${most}`;
    return `is too large: at most ${most}`;
  }
  if (issue.code === 'too_small' && issue.message.startsWith('Too small')) {
    const least = Number(issue.minimum).toLocaleString('en');
    if (issue.origin === 'string')
      return issue.minimum === 1 ? 'must not be empty' : `is too short: at least ${least} characters`;
    if (issue.origin === 'array' || issue.origin === 'set')
      return issue.minimum === 1 ? 'must name at least one' : `needs at least ${least} entries`;
    return `is too small: at least ${least}`;
  }
  return issue.message;
}
