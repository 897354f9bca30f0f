import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer (helmet). The Content-Security-Policy allows scripts and styles
 * from this origin only: no inline scripts, no `unsafe-inline`, no eval, so markup smuggled in through
 * candidate data could not run even if it were ever rendered as HTML. HSTS and upgrading requests are
 * only for HTTPS deployments: on http://localhost they would break the app.
 */
export async function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): Promise<void> {
  const https = publicUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Documents are downloaded, not embedded elsewhere; keep the defaults for the rest.
    crossOriginEmbedderPolicy: false,
  });
}
