import { isAppError } from '../../core/errors/app-error.js';
import type {
  BundleHiringManager,
  CustomFieldDefinition,
  SourceBundle,
} from '../../core/mapping/source-bundle.js';
import type { AshbyClient } from './client.js';
import { paginate } from './paginate.js';
import type { AshbyReader } from './reader.js';
import type { ApplicationInfo, HiringTeamMember, Offer, OfferListItem } from './schemas.js';
import {
  toBundleApplication,
  toBundleCandidate,
  toBundleFiles,
  toBundleHiringManager,
  toBundleJob,
  toBundleOffer,
  toCoreDefinition,
} from './to-bundle.js';

/**
 * Everything Ashby knows about one hire, in about two sequential round trips:
 *   1. application.info
 *   2. in parallel: candidate.info, the accepted offer (from the webhook payload when it carries one, else
 *      offer.list), and — through the reader's caches — job.info, department.list, location.list and
 *      customField.list.
 * With warm caches that is 3 calls (2 when the webhook carried the accepted offer); cold, 7.
 *
 * The hiring manager comes from the application's hiring team (role "Hiring Manager"), else the job's.
 * A hiring-team entry already carries userId, names and email (all required in Ashby's schema), so
 * user.info (cached) is called only when the entry lacks one of them; that keeps it off the hot path.
 * When the manager comes from the job's team it is known only after job.info, which is then a third,
 * usually cache-served step.
 */
export interface FetchHireInput {
  readonly applicationId: string;
  /** `data.offer` of a candidateHire webhook; used when it is this application's accepted offer. */
  readonly offerFromWebhook?: Offer | null;
}

export type MissingPart = 'offer' | 'department' | 'location' | 'hiringManager';

export interface FetchHireStatus {
  /** Ashby's application status now (Hired, Archived, Active, Lead): the hire may have been undone. */
  readonly applicationStatus: string;
  readonly hired: boolean;
  /** Where the accepted offer came from; 'none' when the application has no accepted offer. */
  readonly offerSource: 'webhook' | 'offer.list' | 'none';
  /** Bundle parts left null: absent in Ashby, or pointing at a record Ashby no longer finds. */
  readonly missing: readonly MissingPart[];
}

export interface FetchedHire {
  readonly bundle: SourceBundle;
  readonly definitions: readonly CustomFieldDefinition[];
  readonly status: FetchHireStatus;
}

export async function fetchHire(reader: AshbyReader, input: FetchHireInput): Promise<FetchedHire> {
  const app = await reader.client.applicationInfo(input.applicationId);
  return fetchRest(reader, app, input.offerFromWebhook);
}

export type FetchHireIfHiredResult =
  | { readonly kind: 'hired'; readonly hire: FetchedHire }
  | { readonly kind: 'not_hired'; readonly applicationStatus: string };

/**
 * fetchHire for triggers that fire for any application (applicationUpdate, stage changes, reconciliation):
 * stops after application.info — one call instead of seven — when the application is not Hired now.
 */
export async function fetchHireIfHired(
  reader: AshbyReader,
  input: FetchHireInput,
): Promise<FetchHireIfHiredResult> {
  const app = await reader.client.applicationInfo(input.applicationId);
  if (app.status !== 'Hired') return { kind: 'not_hired', applicationStatus: app.status };
  return { kind: 'hired', hire: await fetchRest(reader, app, input.offerFromWebhook) };
}

async function fetchRest(
  reader: AshbyReader,
  app: ApplicationInfo,
  offerFromWebhook: Offer | null | undefined,
): Promise<FetchedHire> {
  const { client } = reader;
  const webhookOffer = usableWebhookOffer(offerFromWebhook, app.id);
  const appManager = hiringManagerOf(app.hiringTeam);

  const [candidate, offer, job, department, location, definitions, managerFromApp] = await Promise.all([
    client.candidateInfo(app.candidate.id),
    webhookOffer ? Promise.resolve(webhookOffer) : acceptedOffer(client, app.id),
    reader.job(app.job.id),
    orNullIfGone(app.job.departmentId, (id) => reader.department(id)),
    orNullIfGone(app.job.locationId, (id) => reader.location(id)),
    reader.customFieldDefinitions(),
    appManager ? completeManager(reader, appManager) : Promise.resolve(null),
  ]);

  let hiringManager = managerFromApp;
  if (!hiringManager) {
    const jobManager = hiringManagerOf(job.hiringTeam ?? []);
    if (jobManager) hiringManager = await completeManager(reader, jobManager);
  }

  const bundleOffer = offer ? toBundleOffer(offer) : null;
  const bundle: SourceBundle = {
    application: toBundleApplication(app),
    candidate: toBundleCandidate(candidate),
    offer: bundleOffer,
    job: toBundleJob(job),
    department: department ? { id: department.id, name: department.name } : null,
    location: location ? { id: location.id, name: location.name } : null,
    hiringManager,
    files: toBundleFiles(candidate, offer),
  };
  const missing: MissingPart[] = [];
  if (!bundle.offer) missing.push('offer');
  if (!bundle.department) missing.push('department');
  if (!bundle.location) missing.push('location');
  if (!bundle.hiringManager) missing.push('hiringManager');
  return {
    bundle,
    definitions: definitions.map(toCoreDefinition),
    status: {
      applicationStatus: app.status,
      hired: app.status === 'Hired',
      offerSource: !bundleOffer ? 'none' : webhookOffer ? 'webhook' : 'offer.list',
      missing,
    },
  };
}

function usableWebhookOffer(offer: Offer | null | undefined, applicationId: string): Offer | null {
  if (!offer || offer.applicationId !== applicationId || offer.acceptanceStatus !== 'Accepted') return null;
  return offer.latestVersion || offer.versions?.length ? offer : null;
}

/** The accepted offer of the application; with several (rare), the most recently decided. */
async function acceptedOffer(client: AshbyClient, applicationId: string): Promise<OfferListItem | null> {
  const accepted: OfferListItem[] = [];
  const pages = paginate((cursor) =>
    client.offerList({
      applicationId,
      acceptanceStatus: ['Accepted'],
      ...(cursor === undefined ? {} : { cursor }),
    }),
  );
  for await (const page of pages) {
    // Filter again: a server that ignored the status filter must not hand us a declined offer.
    accepted.push(
      ...page.results.filter((o) => o.applicationId === applicationId && o.acceptanceStatus === 'Accepted'),
    );
  }
  const key = (o: OfferListItem) => `${o.decidedAt ?? ''}|${o.latestVersion?.createdAt ?? ''}`;
  return accepted.sort((a, b) => key(b).localeCompare(key(a)))[0] ?? null;
}

const HIRING_MANAGER_ROLE = 'hiring manager';

function hiringManagerOf(team: readonly HiringTeamMember[]): HiringTeamMember | undefined {
  return team.find((m) => m.role.trim().toLowerCase() === HIRING_MANAGER_ROLE);
}

async function completeManager(reader: AshbyReader, member: HiringTeamMember): Promise<BundleHiringManager> {
  if (member.firstName && member.lastName && member.email) return toBundleHiringManager(member, null);
  const user = await orNullIfGone(member.userId, (id) => reader.user(id));
  return toBundleHiringManager(member, user);
}

/** Looks `id` up; an absent id or a record Ashby no longer has gives null. Other failures propagate. */
async function orNullIfGone<T>(
  id: string | null | undefined,
  lookup: (id: string) => Promise<T>,
): Promise<T | null> {
  if (!id) return null;
  try {
    return await lookup(id);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') return null;
    throw err;
  }
}
