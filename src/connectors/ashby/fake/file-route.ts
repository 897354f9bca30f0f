import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallLog } from './call-log.js';
import type { SimulatorCore } from './core.js';
import { sendText } from '../../kit/fake/http-io.js';
import { OVERSIZED_FILE_BYTES } from './knobs.js';

/**
 * `GET /files/<fileId>?expires=<ms>&sig=<hex>`: the "presigned" download URL that `file.info` hands out,
 * standing in for Ashby's S3 links. No API key needed (like a presigned URL); a wrong or expired
 * signature answers 403 as S3 does.
 */
export function handleFileDownload(
  core: SimulatorCore,
  calls: CallLog,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const fileId = decodeURIComponent(url.pathname.slice('/files/'.length));
  const expires = Number(url.searchParams.get('expires'));
  const sig = url.searchParams.get('sig') ?? '';
  const log = (status: number) =>
    calls.add({
      endpoint: 'file.download',
      key: null,
      status,
      errorCode: null,
      fault: null,
      requestId: null,
      time: core.now(),
    });
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    log(405);
    sendText(res, 405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    return;
  }
  if (!Number.isFinite(expires) || !core.wire.handles.verifyDownload(fileId, expires, sig)) {
    log(403);
    sendText(res, 403, 'AccessDenied: signature does not match');
    return;
  }
  if (core.now() > expires) {
    log(403);
    sendText(res, 403, 'AccessDenied: request has expired');
    return;
  }
  const file = core.state.files.get(fileId);
  if (file === undefined) {
    log(404);
    sendText(res, 404, 'NoSuchKey');
    return;
  }
  const oversized = core.knobs().oversizedFileIds.includes(fileId);
  const bytes = oversized
    ? Buffer.alloc(OVERSIZED_FILE_BYTES, 0x20)
    : Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
  log(200);
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': String(bytes.length),
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
