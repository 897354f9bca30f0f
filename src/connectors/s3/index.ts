import { z } from 'zod';
import type { BlobStore } from '../../core/ports/blob-store.js';
import type { ConnectorDefinition } from '../definition.js';
import { s3BlobStore } from './s3-blob-store.js';

const credentials = z.object({
  bucket: z.string().min(1, 'bucket is required'),
  region: z.string().min(1, 'region is required'),
  accessKeyId: z.string().min(1, 'accessKeyId is required'),
  secretAccessKey: z.string().min(1, 'secretAccessKey is required'),
  sessionToken: z.string().min(1).optional(),
  /** Path-style URLs: MinIO, Garage, Ceph and most S3-compatible servers. */
  forcePathStyle: z.boolean(),
});

/**
 * S3-compatible object storage for documents. The base URL is the endpoint (AWS, R2, MinIO...). It
 * signs and streams its own requests over plain fetch, so it takes `context.fetch`, not the kit client.
 */
export const s3 = {
  type: 's3',
  kind: 'storage',
  label: 'S3-compatible storage',
  credentials,
  defaultBaseUrl: undefined,
  capabilities: ['documents'],
  create: (context, c) =>
    s3BlobStore({
      fetch: context.fetch,
      clock: context.clock,
      endpoint: context.baseUrl,
      bucket: c.bucket,
      region: c.region,
      credentials: {
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
      },
      forcePathStyle: c.forcePathStyle,
      // Until the response headers arrive; bodies then stream at the reader's pace.
      timeoutMs: 30_000,
    }),
} satisfies ConnectorDefinition<'s3', 'storage', z.infer<typeof credentials>, BlobStore>;
