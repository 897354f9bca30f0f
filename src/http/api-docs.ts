import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
} from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../contract/errors.js';
import { markPublic } from './plugins/authenticate.js';
import { zodValidatorCompiler } from './validate.js';

/** Where the document and its page are served (public: see apiDocsRoutes). */
const OPENAPI_PATH = '/api/openapi.json';
const API_DOCS_PATH = '/api/docs';

/**
 * Makes the zod schemas that routes declare in `schema:` do all three jobs, so none can drift from the
 * others: validate the request (zodValidatorCompiler: our 400 wording), shape the reply (the serializer
 * checks it against the response schema and drops keys the schema does not name; a reply that does not
 * match is a 500, a bug), and describe the route in the OpenAPI document (@fastify/swagger, through
 * fastify-type-provider-zod's transform). Register before any route: @fastify/swagger collects routes
 * as they are added.
 */
export async function registerApiSchemas(app: FastifyInstance): Promise<void> {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'HireBridge API',
        version: 'v1',
        description:
          'Every route of the HireBridge HTTP API, generated from the schemas that validate its requests and ' +
          'shape its answers. Scripts send an API token (`hirebridge tokens create`, or Settings in the ' +
          'admin app) as `Authorization: Bearer <token>`; the admin app uses the session cookie and sends ' +
          "the session's CSRF token as `X-CSRF-Token` on every change. `x-access` on an operation names " +
          'the role it needs. Errors answer `{ error: { code, message, details? } }`.',
      },
      components: {
        securitySchemes: {
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token; no CSRF token is needed with it.',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'hb_session',
            description: 'The session cookie set by sign-in (POST /api/v1/auth/login).',
          },
          csrfToken: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description:
              'The csrfToken of GET /api/v1/auth/session: required with the session cookie on POST, PUT, PATCH and DELETE.',
          },
        },
      },
    },
    // Every route is documented unless it says `hide: true` (the admin app's files, this page's own).
    transform: createJsonSchemaTransform({ skipList: [] }),
    transformObject: jsonSchemaTransformObject,
  });
  // Every documented route can answer the one error shape (error-handler.ts).
  app.addHook('onRoute', (route) => {
    if (route.schema?.hide === true) return;
    route.schema = {
      ...route.schema,
      response: {
        '4xx': errorResponseSchema,
        '5xx': errorResponseSchema,
        ...(route.schema?.response as Record<string, unknown> | undefined),
      },
    };
  });
}

/**
 * The OpenAPI document and a page to read it (Swagger UI, served from its npm package: no CDN, no
 * inline script, so the app's Content-Security-Policy holds). Public: the document holds the shapes of
 * requests and answers, never data, and is what a script author needs before they have a token.
 */
export async function apiDocsRoutes(app: FastifyInstance): Promise<void> {
  markPublic(app);
  app.get(OPENAPI_PATH, { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').send(app.swagger()),
  );
  await app.register(fastifySwaggerUi, {
    routePrefix: API_DOCS_PATH,
    // BaseLayout: no top bar (its URL box would load any document, its logo has no text).
    uiConfig: { layout: 'BaseLayout', deepLinking: true, docExpansion: 'list', defaultModelsExpandDepth: 0 },
    theme: { title: 'HireBridge API', css: [{ filename: 'contrast.css', content: CONTRAST_CSS }] },
    // Swagger UI's bundle adds one <style> element of its own: that exact text (by its hash) is allowed
    // on these pages, nothing else inline. A new Swagger UI version changes the hash, and the browser
    // test (test/browser/api-docs) then reports the CSP violation.
    transformStaticCSP: (header) =>
      header.replace("style-src 'self'", `style-src 'self' '${SWAGGER_UI_STYLE}'`),
  });
}

const SWAGGER_UI_STYLE = 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';

/** Swagger UI's light badges and links fail WCAG AA contrast (axe); these darker shades pass. */
const CONTRAST_CSS = `
.swagger-ui .info .title small { background: #4b5563; }
.swagger-ui .info .title small.version-stamp { background: #166534; }
.swagger-ui .info .title small pre { color: #fff; }
.swagger-ui .info a, .swagger-ui .info .url { color: #1d4ed8; }
.swagger-ui .btn.authorize { color: #166534; border-color: #166534; }
.swagger-ui .btn.authorize svg { fill: #166534; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1d4ed8; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #166534; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #9a3412; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0f766e; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b91c1c; }
`;
