import type { Kysely } from 'kysely';
import type { PeopleforceFake } from '../../../src/connectors/peopleforce/fake/peopleforce-fake.js';
import type { WebhookReceiver } from '../../../src/connectors/webhook/fake/receiver.js';
import type { Database } from '../../../src/db/tables/database.js';

/** Exactly-once figures of one destination: the people it holds for the members HireBridge added. */
export interface RemoteFigures {
  /** Remote people in all: one per member, plus any stray. */
  readonly remotePeople: number;
  /** A second (third...) person for one member, and people matching no member. */
  readonly duplicates: number;
  /** Members the destination has no person for. */
  readonly lost: number;
}

/** Figures from remote people per member id, and the people that belong to no member. */
function figures(perMember: ReadonlyMap<string, number>, members: readonly string[], strays: number) {
  let remotePeople = strays;
  let duplicates = strays;
  for (const id of members) {
    const n = perMember.get(id) ?? 0;
    remotePeople += n;
    duplicates += Math.max(0, n - 1);
  }
  return { remotePeople, duplicates, lost: members.filter((id) => !perMember.get(id)).length };
}

/**
 * The webhook receiver's people: one accepted `member.created` per member. It deduplicates on
 * `webhook-id` (a retry of the same event is not recorded again), so a second `member.created` here is a
 * second event HireBridge made for the member: the webhook destination's duplicate person.
 */
export function webhookPeople(receiver: WebhookReceiver, members: readonly string[]): RemoteFigures {
  const created = receiver.createdCounts();
  const known = new Set(members);
  const strays = [...created].filter(([id]) => !known.has(id)).reduce((sum, [, n]) => sum + n, 0);
  return figures(created, members, strays);
}

/**
 * PeopleForce's employees matched to members by personal email (the fake refuses a second employee with
 * the same email, as PeopleForce does, so a lookup miss shows as a create refused, not as a second
 * person: `refusedCreates` counts those). `misLinked` counts members whose recorded remote id is not the
 * employee holding their email.
 */
export async function peopleforcePeople(
  db: Kysely<Database>,
  fake: PeopleforceFake,
  destinationId: string,
  members: readonly string[],
): Promise<RemoteFigures & { misLinked: number; refusedCreates: number }> {
  const rows = await db
    .selectFrom('members')
    .leftJoin('pushes', (join) =>
      join.onRef('pushes.member_id', '=', 'members.id').on('pushes.destination_id', '=', destinationId),
    )
    .select(['members.id', 'members.fields', 'pushes.remote_id'])
    .execute();
  const byEmail = new Map<string, { id: string; remoteId: string | null }>();
  for (const row of rows) {
    const email = (JSON.parse(row.fields) as { personalEmail?: unknown }).personalEmail;
    if (typeof email === 'string')
      byEmail.set(email.trim().toLowerCase(), { id: row.id, remoteId: row.remote_id });
  }
  const perMember = new Map<string, number>();
  let strays = 0;
  let misLinked = 0;
  for (const employee of fake.state.employees.values()) {
    const member = byEmail.get(employee.personal_email?.trim().toLowerCase() ?? '');
    if (!member) {
      strays += 1;
      continue;
    }
    perMember.set(member.id, (perMember.get(member.id) ?? 0) + 1);
    if (member.remoteId !== String(employee.id)) misLinked += 1;
  }
  const refusedCreates = fake.calls.filter(
    (c) => c.method === 'POST' && c.path.endsWith('/employees') && c.status === 422,
  ).length;
  return { ...figures(perMember, members, strays), misLinked, refusedCreates };
}
