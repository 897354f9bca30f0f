import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { AppError } from '../../core/errors/app-error.js';

/**
 * The API's JSON parser: Fastify's own, except that an empty body is no body. Clients commonly send
 * `Content-Type: application/json` on bodiless POSTs and DELETEs (add-member, delete); refusing those
 * with "empty JSON body" helps nobody. Prototype poisoning (`__proto__`, `constructor.prototype`) is
 * refused as Fastify does, through the same library.
 */
export function acceptEmptyJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(
        new AppError(
          'validation_failed',
          'The body is not valid JSON (or uses a forbidden key such as __proto__)',
        ),
        undefined,
      );
    }
  });
}

/**
 * JSON bodies only (see acceptEmptyJson): every other content type, text/plain included, is refused with
 * 415. HTML forms cannot send JSON, so a page on another site cannot post to these routes with a form.
 */
export function acceptOnlyJson(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  acceptEmptyJson(app);
}
