import Fastify from 'fastify';

/**
 * The intake baseline: the same framework, body limit and raw-body parsing as HireBridge's webhook route,
 * answering 200 without verifying, parsing or storing anything, and without request logging. Run as its
 * own process, like HireBridge, on PORT (127.0.0.1).
 */
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) =>
  done(null, body),
);
app.get('/healthz', async () => ({ ok: true }));
app.post('/webhooks/ashby/:connectionId', async (request, reply) => {
  const bytes = Buffer.isBuffer(request.body) ? request.body.length : 0;
  return reply.status(200).send({ received: true, bytes });
});
await app.listen({ port: Number(process.env['PORT'] ?? 0), host: '127.0.0.1' });
const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
