import { z } from 'zod';
import type { BlobStore } from '../../core/ports/blob-store.js';
import type { ConnectorDefinition } from '../definition.js';
import { filesystemBlobStore } from './filesystem-blob-store.js';

const credentials = z.object({ root: z.string().min(1, 'root is required') });

/** The default document storage: files under DATA_DIR/blobs. Local, so no base URL and no HTTP. */
export const filesystem = {
  type: 'filesystem',
  kind: 'storage',
  label: 'Local files',
  credentials,
  defaultBaseUrl: undefined,
  capabilities: ['documents'],
  create: (_context, c) => filesystemBlobStore(c.root),
} satisfies ConnectorDefinition<'filesystem', 'storage', z.infer<typeof credentials>, BlobStore>;
