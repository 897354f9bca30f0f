import { z } from 'zod';
import type { AshbyPermission } from '../../schemas.js';
import { invalidInput } from '../api-error.js';
import type { SimulatorCore } from '../core.js';
import type { Page } from '../pagination.js';
import type { ApiKeyRecord } from '../state.js';

export interface EndpointRequest {
  core: SimulatorCore;
  key: ApiKeyRecord;
  body: Record<string, unknown>;
}

/** A success body without `success: true` (added by the request handler): `{results}` plus paging fields. */
export type SuccessBody = { results: unknown } & Record<string, unknown>;

export interface EndpointDefinition {
  /** The API-key permission Ashby requires (§5). */
  permission: AshbyPermission;
  handle(request: EndpointRequest): SuccessBody | Promise<SuccessBody>;
}

export type EndpointTable = Record<string, EndpointDefinition>;

/** Parses request parameters; a wrong or missing one is `invalid_input` naming the parameter. */
export function params<T extends z.ZodType>(schema: T, body: Record<string, unknown>): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  throw invalidInput(`${where === '' ? 'request' : `parameter ${where}`}: ${issue?.message ?? 'invalid'}`);
}

/** Shared list parameters (§1.6). Request objects are loose: Ashby's handling of unknown keys is unknown, we ignore them. */
export const pageParamsShape = {
  cursor: z.string().optional(),
  limit: z.number().optional(),
  syncToken: z.string().optional(),
};
export const createdAfterShape = { createdAfter: z.number().int().optional() };

export function pageBody<T>(page: Page<T>, map: (item: T) => unknown): SuccessBody {
  return {
    results: page.results.map(map),
    moreDataAvailable: page.moreDataAvailable,
    ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    ...(page.syncToken === undefined ? {} : { syncToken: page.syncToken }),
  };
}

export function ms(iso: string): number {
  return Date.parse(iso);
}
