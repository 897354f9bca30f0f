import { z } from 'zod';
import { applicationStatusSchema } from '../../schemas.js';
import { AshbyApiError, invalidInput, notFound } from '../api-error.js';
import { paginate } from '../pagination.js';
import { applicationInfoWire, applicationWire, candidateWire } from '../wire-records.js';
import { createdAfterShape, ms, pageBody, pageParamsShape, params, type EndpointTable } from './endpoint.js';

/** File download URLs live this long (Ashby's real lifetime is UNCONFIRMED; S3-style short links). */
export const FILE_URL_TTL_MS = 10 * 60_000;

const candidateInfo = z.looseObject({ id: z.string().optional(), externalMappingId: z.string().optional() });
const applicationInfo = z.looseObject({ applicationId: z.string(), expand: z.array(z.string()).optional() });
const applicationList = z.looseObject({
  ...pageParamsShape,
  ...createdAfterShape,
  status: applicationStatusSchema.optional(),
  jobId: z.string().optional(),
  expand: z.array(z.string()).optional(),
});
const candidateList = z.looseObject({ ...pageParamsShape, ...createdAfterShape });
const fileInfo = z.looseObject({ fileHandle: z.string().min(1) });

export const candidateEndpoints: EndpointTable = {
  'candidate.info': {
    permission: 'candidatesRead',
    handle: ({ core, body }) => {
      const p = params(candidateInfo, body);
      if (p.id === undefined && p.externalMappingId === undefined)
        throw invalidInput('parameter id: required');
      const candidate =
        p.id !== undefined
          ? core.state.candidates.get(p.id)
          : [...core.state.candidates.values()].find((c) => c.externalMappingId === p.externalMappingId);
      if (candidate === undefined) throw notFound('candidate');
      return { results: candidateWire(core.wire, candidate) };
    },
  },
  'candidate.list': {
    permission: 'candidatesRead',
    handle: ({ core, body }) => {
      const p = params(candidateList, body);
      const items = [...core.state.candidates.values()].filter(
        (c) => p.createdAfter === undefined || ms(c.createdAt) > p.createdAfter,
      );
      const page = paginate({
        state: core.state,
        items,
        createdAtMs: (c) => ms(c.createdAt),
        params: p,
        filters: JSON.stringify(['candidate', p.createdAfter ?? null]),
        syncCapable: true,
      });
      return pageBody(page, (c) => candidateWire(core.wire, c));
    },
  },
  'application.info': {
    permission: 'candidatesRead',
    handle: ({ core, body }) => {
      const p = params(applicationInfo, body);
      const app = core.state.applications.get(p.applicationId);
      if (app === undefined) {
        // Ashby's documented wording for this code (§1.5).
        throw new AshbyApiError(
          'application_not_found',
          'Application not found - are you lacking permissions to edit candidates?',
        );
      }
      return { results: applicationInfoWire(core.wire, app) };
    },
  },
  'application.list': {
    permission: 'candidatesRead',
    handle: ({ core, body }) => {
      const p = params(applicationList, body);
      const items = [...core.state.applications.values()].filter(
        (a) =>
          (p.createdAfter === undefined || ms(a.createdAt) > p.createdAfter) &&
          (p.status === undefined || a.status === p.status) &&
          (p.jobId === undefined || a.jobId === p.jobId),
      );
      const page = paginate({
        state: core.state,
        items,
        createdAtMs: (a) => ms(a.createdAt),
        params: p,
        filters: JSON.stringify(['application', p.createdAfter ?? null, p.status ?? null, p.jobId ?? null]),
        syncCapable: true,
      });
      return pageBody(page, (a) => applicationWire(core.wire, a));
    },
  },
  'file.info': {
    permission: 'candidatesRead',
    handle: ({ core, body }) => {
      const p = params(fileInfo, body);
      const decoded = core.wire.handles.decode(p.fileHandle);
      if (decoded === 'malformed') throw invalidInput('parameter fileHandle: not a file handle');
      if (decoded === 'bad-signature' || !core.state.files.has(decoded.fileId)) throw notFound('file');
      const expires = core.now() + FILE_URL_TTL_MS;
      const sig = core.wire.handles.downloadSignature(decoded.fileId, expires);
      const base = core.knobs().fileUrlBase ?? core.baseUrl();
      const url = `${base}/files/${encodeURIComponent(decoded.fileId)}?expires=${expires}&sig=${sig}`;
      return { results: { url } };
    },
  },
};
