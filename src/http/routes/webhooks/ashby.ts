import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { webhookReceivedSchema } from '../../../contract/probes.js';
import type { HttpServices } from '../../services.js';

const params = z.object({ connectionId: z.string().min(1).max(100) });

/**
 * Ashby's webhook endpoint. Registered in its own encapsulated scope so its body parser, which keeps the
 * exact bytes for the signature check (re-serialised JSON would not verify), applies here only.
 * Answers: 200 once stored (or a duplicate, or a ping), 401 bad signature (Ashby will not retry),
 * 404 unknown connection, 413 over 1 MiB, 400 not an Ashby envelope. Nothing is processed here.
 */
export async function ashbyWebhookRoutes(
  app: FastifyInstance,
  services: Pick<HttpServices, 'ingestAshbyDelivery'>,
) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) =>
    done(null, body),
  );
  // Request log at warn here: every delivery is already in the delivery log (GET /api/v1/deliveries), and
  // two info lines per webhook were about 7 % of the intake's CPU (bench/). Failures still log (5xx warn).
  const options = {
    bodyLimit: 1024 * 1024,
    logLevel: 'warn',
    schema: {
      tags: ['Webhooks'],
      summary: "Ashby's webhook (signed with the connection's Secret Token)",
      description:
        "The body is Ashby's JSON envelope, checked against the `Ashby-Signature` header (an HMAC-SHA256 " +
        "of the exact bytes with the connection's Secret Token), so it is not parsed or validated before " +
        'the signature is: 401 for a bad signature (Ashby does not retry), 404 for an unknown connection, ' +
        '413 over 1 MiB, 400 for a body that is not an Ashby envelope.',
      params,
      response: { 200: webhookReceivedSchema },
    },
  } as const;
  app
    .withTypeProvider<ZodTypeProvider>()
    .post('/webhooks/ashby/:connectionId', options, async (request, reply) => {
      const { connectionId } = request.params;
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['ashby-signature'];
      const result = await services.ingestAshbyDelivery({
        connectionId,
        rawBody,
        signature: Array.isArray(signature) ? signature[0] : signature,
      });
      return reply
        .status(200)
        .send(
          result.kind === 'ping'
            ? { received: true, ping: true }
            : { received: true, duplicate: result.duplicate },
        );
    });
}
