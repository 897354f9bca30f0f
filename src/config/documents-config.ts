import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const urlWithScheme = (schemes: readonly string[], example: string) =>
  z.string().refine(
    (text) => {
      try {
        return schemes.includes(new URL(text).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL such as ${example}` },
  );

/** The environment variables of documents (blob storage, downloads) and email notifications; listed in README. */
export const DOCUMENT_ENV = {
  /** Where document files are kept: `filesystem` (DATA_DIR/blobs) or `s3` (any S3-compatible storage). */
  BLOB_STORE: z.enum(['filesystem', 's3']).default('filesystem'),
  S3_ENDPOINT: urlWithScheme(['https:', 'http:'], 'https://s3.eu-west-1.amazonaws.com').optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_SESSION_TOKEN: z.string().min(1).optional(),
  /** Path-style URLs (endpoint/bucket/key), as MinIO and most S3-compatible servers want; false for virtual-hosted (bucket.endpoint). */
  S3_FORCE_PATH_STYLE: flag.default(true),
  /** Whole-download limit of one document (every redirect, headers and body), in milliseconds. */
  FILE_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
  /** smtp://user:password@host:587 or smtps://user:password@host:465; unset, no emails are sent. */
  SMTP_URL: urlWithScheme(['smtp:', 'smtps:'], 'smtp://user:password@mail.example.com:587').optional(),
  SMTP_FROM: z.string().min(3).default('HireBridge <hirebridge@localhost>'),
};

type DocumentEnv = z.infer<z.ZodObject<typeof DOCUMENT_ENV>>;

export type BlobStoreConfig =
  | { readonly kind: 'filesystem'; readonly root: string }
  | {
      readonly kind: 's3';
      readonly endpoint: string;
      readonly bucket: string;
      readonly region: string;
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
      readonly sessionToken: string | undefined;
      readonly forcePathStyle: boolean;
    };

export interface DocumentsConfig {
  readonly blobStore: BlobStoreConfig;
  readonly downloadTimeoutMs: number;
  /** Undefined when SMTP_URL is unset: notifications are in-app (and Slack) only. */
  readonly smtp: { readonly url: string; readonly from: string } | undefined;
}

/** The documents part of the configuration, or the problems that make it unusable (named per variable). */
export function documentsConfig(
  e: DocumentEnv,
  dataDir: string,
): { config: DocumentsConfig; problems: string[] } {
  const problems: string[] = [];
  let blobStore: BlobStoreConfig = { kind: 'filesystem', root: path.join(dataDir, 'blobs') };
  if (e.BLOB_STORE === 's3') {
    const missing = (
      ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const
    ).filter((k) => e[k] === undefined);
    for (const key of missing) problems.push(`${key}: is required when BLOB_STORE=s3`);
    blobStore = {
      kind: 's3',
      endpoint: e.S3_ENDPOINT ?? '',
      bucket: e.S3_BUCKET ?? '',
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? '',
      sessionToken: e.S3_SESSION_TOKEN,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    };
  }
  return {
    config: {
      blobStore,
      downloadTimeoutMs: e.FILE_DOWNLOAD_TIMEOUT_MS,
      smtp: e.SMTP_URL === undefined ? undefined : { url: e.SMTP_URL, from: e.SMTP_FROM },
    },
    problems,
  };
}
