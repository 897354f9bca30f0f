import type {
  ArchiveReason,
  AshbyPermission,
  CustomFieldDefinition,
  Department,
  Location,
  Opening,
  Source,
  User,
} from '../schemas.js';
import { randomUuid, type Random } from './random.js';
import type {
  Scenario,
  ScenarioApplication,
  ScenarioCloseReason,
  ScenarioCandidate,
  ScenarioFile,
  ScenarioHistoryEntry,
  ScenarioInterviewStage,
  ScenarioJob,
  ScenarioOffer,
  ScenarioWebhook,
} from './scenario-schema.js';

export interface ApiKeyRecord {
  key: string;
  title: string;
  permissions: Set<AshbyPermission>;
  enabled: boolean;
  createdAt: string;
}

/** Applications always carry their history in state (derived at load when the scenario omits it). */
export type StoredApplication = ScenarioApplication & { history: ScenarioHistoryEntry[] };

/**
 * The simulator's in-memory Ashby organisation. Every record has a revision number, bumped on each change;
 * sync tokens are revisions, so an incremental list returns exactly the records changed since the token.
 */
export class SimulatorState {
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly departments = new Map<string, Department>();
  readonly locations = new Map<string, Location>();
  readonly users = new Map<string, User>();
  readonly interviewStages = new Map<string, ScenarioInterviewStage>();
  readonly sources = new Map<string, Source>();
  readonly archiveReasons = new Map<string, ArchiveReason>();
  readonly customFieldDefinitions = new Map<string, CustomFieldDefinition>();
  readonly jobs = new Map<string, ScenarioJob>();
  readonly files = new Map<string, ScenarioFile>();
  readonly candidates = new Map<string, ScenarioCandidate>();
  readonly applications = new Map<string, StoredApplication>();
  readonly offers = new Map<string, ScenarioOffer>();
  readonly webhooks = new Map<string, ScenarioWebhook>();
  readonly openings = new Map<string, Opening>();
  readonly closeReasons = new Map<string, ScenarioCloseReason>();

  private revision = 0;
  private readonly revisions = new Map<string, number>();
  /** Bumped by `expireSyncTokens()`: tokens minted in an older epoch answer `sync_token_expired`. */
  syncEpoch = 0;

  constructor(
    scenario: Scenario,
    private readonly random: Random,
  ) {
    const put = <T extends { id: string }>(map: Map<string, T>, items: readonly T[]) => {
      for (const item of items) {
        map.set(item.id, structuredClone(item));
        this.touch(item.id);
      }
    };
    for (const key of scenario.apiKeys) {
      this.addApiKey(key.key, key.permissions, {
        ...(key.title === undefined ? {} : { title: key.title }),
        enabled: key.enabled ?? true,
        createdAt: key.createdAt ?? '2024-01-01T00:00:00.000Z',
      });
    }
    put(this.departments, scenario.departments);
    put(this.locations, scenario.locations);
    put(this.users, scenario.users);
    put(this.interviewStages, scenario.interviewStages);
    put(this.sources, scenario.sources ?? []);
    put(this.archiveReasons, scenario.archiveReasons ?? []);
    put(this.customFieldDefinitions, scenario.customFieldDefinitions);
    put(this.jobs, scenario.jobs);
    put(this.files, scenario.files);
    put(this.candidates, scenario.candidates);
    put(
      this.applications,
      scenario.applications.map((a) => ({ ...a, history: a.history ?? this.derivedHistory(a) })),
    );
    put(this.offers, scenario.offers);
    put(this.webhooks, scenario.webhooks ?? []);
    put(this.openings, scenario.openings ?? []);
    put(this.closeReasons, scenario.closeReasons ?? []);
  }

  newId(): string {
    return randomUuid(this.random);
  }

  /** Marks a record changed; returns its new revision. */
  touch(id: string): number {
    this.revision += 1;
    this.revisions.set(id, this.revision);
    return this.revision;
  }

  revisionOf(id: string): number {
    return this.revisions.get(id) ?? 0;
  }

  get currentRevision(): number {
    return this.revision;
  }

  addApiKey(
    key: string,
    permissions: Iterable<AshbyPermission>,
    options: { title?: string; enabled?: boolean; createdAt?: string } = {},
  ): ApiKeyRecord {
    const record: ApiKeyRecord = {
      key,
      title: options.title ?? 'Simulator key',
      permissions: new Set(permissions),
      enabled: options.enabled ?? true,
      createdAt: options.createdAt ?? new Date(0).toISOString(),
    };
    this.apiKeys.set(key, record);
    return record;
  }

  applicationIdsOfCandidate(candidateId: string): string[] {
    return [...this.applications.values()].filter((a) => a.candidateId === candidateId).map((a) => a.id);
  }

  /** Offers of one application, oldest first (by first version). */
  offersOfApplication(applicationId: string): ScenarioOffer[] {
    return [...this.offers.values()]
      .filter((o) => o.applicationId === applicationId)
      .sort((a, b) => offerCreatedAt(a).localeCompare(offerCreatedAt(b)));
  }

  /** The stage of `type` in the same interview plan as `stageId` (e.g. the plan's Hired stage). */
  stageOfType(planId: string, type: string): ScenarioInterviewStage | undefined {
    return [...this.interviewStages.values()].find((s) => s.interviewPlanId === planId && s.type === type);
  }

  private derivedHistory(application: ScenarioApplication): ScenarioHistoryEntry[] {
    return [
      {
        id: this.newId(),
        stageId: application.currentInterviewStageId,
        enteredStageAt: application.updatedAt,
      },
    ];
  }
}

export function offerCreatedAt(offer: ScenarioOffer): string {
  return offer.versions[0]?.createdAt ?? '';
}
