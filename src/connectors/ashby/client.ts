import { z } from 'zod';
import type { HttpClient } from '../kit/http-client.js';
import { callAshby, type AshbyTransport, type CallOptions } from './ashby-call.js';
import { paginate, withCursor, type AshbyPage, type PageParams } from './paginate.js';
import {
  apiKeyInfoSchema,
  applicationInfoSchema,
  applicationSchema,
  ashbyPaginatedResponseSchema,
  ashbyResponseSchema,
  candidateSchema,
  customFieldDefinitionSchema,
  departmentSchema,
  fileInfoSchema,
  jobSchema,
  locationSchema,
  offerListItemSchema,
  offerSchema,
  userSchema,
  webhookSettingSchema,
  type ApiKeyInfo,
  type Application,
  type ApplicationInfo,
  type ApplicationStatus,
  type Candidate,
  type CustomFieldDefinition,
  type Department,
  type Job,
  type Location,
  type Offer,
  type OfferAcceptanceStatus,
  type OfferListItem,
  type User,
  type WebhookSetting,
} from './schemas.js';

export interface ApplicationListParams extends PageParams {
  /** Epoch milliseconds. */
  readonly createdAfter?: number;
  readonly status?: ApplicationStatus;
  readonly jobId?: string;
}

export interface OfferListParams extends PageParams {
  readonly applicationId?: string;
  readonly createdAfter?: number;
  readonly acceptanceStatus?: readonly OfferAcceptanceStatus[];
}

export type { AshbyPage, PageParams } from './paginate.js';

/** Typed Ashby API methods; every response is validated against the wire schemas. */
export interface AshbyClient {
  apiKeyInfo(): Promise<ApiKeyInfo>;
  candidateInfo(id: string): Promise<Candidate>;
  applicationInfo(applicationId: string): Promise<ApplicationInfo>;
  applicationList(params?: ApplicationListParams): Promise<AshbyPage<Application>>;
  /** Every page from `params.cursor` on, following `nextCursor` while `moreDataAvailable`. */
  applicationPages(params?: ApplicationListParams): AsyncGenerator<AshbyPage<Application>>;
  offerList(params?: OfferListParams): Promise<AshbyPage<OfferListItem>>;
  offerInfo(offerId: string): Promise<Offer>;
  /** Ashby's parameter is `id`, not `jobId`. */
  jobInfo(id: string): Promise<Job>;
  jobList(params?: PageParams): Promise<AshbyPage<Job>>;
  departmentInfo(departmentId: string): Promise<Department>;
  departmentList(
    params?: PageParams & { readonly includeArchived?: boolean },
  ): Promise<AshbyPage<Department>>;
  locationInfo(locationId: string): Promise<Location>;
  locationList(params?: PageParams & { readonly includeArchived?: boolean }): Promise<AshbyPage<Location>>;
  userInfo(userId: string): Promise<User>;
  customFieldListPage(
    params?: PageParams & { readonly includeArchived?: boolean },
  ): Promise<AshbyPage<CustomFieldDefinition>>;
  /** All definitions, every page. */
  customFieldList(params?: { readonly includeArchived?: boolean }): Promise<CustomFieldDefinition[]>;
  /** A short-lived download URL for a file handle. */
  fileInfo(fileHandle: string): Promise<string>;
  webhookCreate(input: {
    readonly webhookType: string;
    readonly requestUrl: string;
    readonly secretToken: string;
  }): Promise<WebhookSetting>;
  /**
   * A raw call whose results are not read, for permission probes of write endpoints. Resolves when Ashby
   * answers `success: true`; rejects with the classified error otherwise.
   */
  probe(endpoint: string, body: Readonly<Record<string, unknown>>): Promise<void>;
}

export interface AshbyClientOptions {
  readonly http: HttpClient;
  /** e.g. https://api.ashbyhq.com (or the simulator's URL). */
  readonly apiUrl: string;
  readonly apiKey: string;
  /** Limiter bucket and shared 429 pause for this key (default "ashby"). */
  readonly limiterKey?: string;
}

const schemas = {
  apiKeyInfo: ashbyResponseSchema(apiKeyInfoSchema),
  candidate: ashbyResponseSchema(candidateSchema),
  applicationInfo: ashbyResponseSchema(applicationInfoSchema),
  applicationPage: ashbyPaginatedResponseSchema(applicationSchema),
  offerPage: ashbyPaginatedResponseSchema(offerListItemSchema),
  offer: ashbyResponseSchema(offerSchema),
  job: ashbyResponseSchema(jobSchema),
  jobPage: ashbyPaginatedResponseSchema(jobSchema),
  department: ashbyResponseSchema(departmentSchema),
  departmentPage: ashbyPaginatedResponseSchema(departmentSchema),
  location: ashbyResponseSchema(locationSchema),
  locationPage: ashbyPaginatedResponseSchema(locationSchema),
  user: ashbyResponseSchema(userSchema),
  customFieldPage: ashbyPaginatedResponseSchema(customFieldDefinitionSchema),
  fileInfo: ashbyResponseSchema(fileInfoSchema),
  webhook: ashbyResponseSchema(webhookSettingSchema),
  /** Probes do not read results, so any results shape is accepted. */
  anything: ashbyResponseSchema(z.unknown()),
};

export function createAshbyClient(options: AshbyClientOptions): AshbyClient {
  const transport: AshbyTransport = {
    http: options.http,
    apiUrl: options.apiUrl,
    apiKey: options.apiKey,
    limiterKey: options.limiterKey ?? 'ashby',
  };

  type Success<S extends z.ZodType> = Extract<z.infer<S>, { success: true }>;

  const one = async <S extends z.ZodType>(
    endpoint: string,
    body: Readonly<Record<string, unknown>>,
    schema: S,
    call: CallOptions = {},
  ): Promise<Success<S> extends { results: infer R } ? R : never> => {
    const envelope = (await callAshby(transport, endpoint, body, schema, call)) as unknown as {
      results: unknown;
    };
    return envelope.results as Success<S> extends { results: infer R } ? R : never;
  };

  const page = async <S extends z.ZodType>(
    endpoint: string,
    body: Readonly<Record<string, unknown>>,
    schema: S,
  ): Promise<AshbyPage<Success<S> extends { results: (infer R)[] } ? R : never>> => {
    type Item = Success<S> extends { results: (infer R)[] } ? R : never;
    const envelope = (await callAshby(transport, endpoint, body, schema)) as unknown as {
      results: Item[];
      moreDataAvailable: boolean;
      nextCursor?: string | null;
      syncToken?: string | null;
    };
    return {
      results: envelope.results,
      nextCursor: envelope.nextCursor ?? null,
      moreDataAvailable: envelope.moreDataAvailable,
      syncToken: envelope.syncToken ?? null,
    };
  };

  const client: AshbyClient = {
    apiKeyInfo: () => one('apiKey.info', {}, schemas.apiKeyInfo),
    candidateInfo: (id) => one('candidate.info', { id }, schemas.candidate),
    applicationInfo: (applicationId) => one('application.info', { applicationId }, schemas.applicationInfo),
    applicationList: (params = {}) => page('application.list', { ...params }, schemas.applicationPage),
    applicationPages: (params = {}) =>
      paginate((cursor) => client.applicationList(withCursor(params, cursor)), params.cursor),
    offerList: ({ acceptanceStatus, ...rest } = {}) =>
      // Ashby rejects an empty status array (it needs at least one item), so an empty filter is omitted.
      page(
        'offer.list',
        { ...rest, ...(acceptanceStatus?.length ? { acceptanceStatus } : {}) },
        schemas.offerPage,
      ),
    offerInfo: (offerId) => one('offer.info', { offerId }, schemas.offer),
    jobInfo: (id) => one('job.info', { id }, schemas.job),
    jobList: (params = {}) => page('job.list', { ...params }, schemas.jobPage),
    departmentInfo: (departmentId) => one('department.info', { departmentId }, schemas.department),
    departmentList: (params = {}) => page('department.list', { ...params }, schemas.departmentPage),
    locationInfo: (locationId) => one('location.info', { locationId }, schemas.location),
    locationList: (params = {}) => page('location.list', { ...params }, schemas.locationPage),
    userInfo: (userId) => one('user.info', { userId }, schemas.user),
    customFieldListPage: (params = {}) => page('customField.list', { ...params }, schemas.customFieldPage),
    customFieldList: async (params = {}) => {
      const all: CustomFieldDefinition[] = [];
      for await (const p of paginate((cursor) =>
        client.customFieldListPage(withCursor({ ...params, limit: 100 }, cursor)),
      )) {
        all.push(...p.results);
      }
      return all;
    },
    fileInfo: async (fileHandle) => (await one('file.info', { fileHandle }, schemas.fileInfo)).url,
    webhookCreate: (input) =>
      one(
        'webhook.create',
        { webhookType: input.webhookType, requestUrl: input.requestUrl, secretToken: input.secretToken },
        schemas.webhook,
        {
          idempotent: false,
        },
      ),
    probe: async (endpoint, body) => {
      await callAshby(transport, endpoint, body, schemas.anything, { idempotent: false });
    },
  };
  return client;
}
