import { parseAshbyWebhook, verifyAshbySignature } from './webhook.js';
import type { AshbyWebhookCodec } from '../../core/ports/ashby-webhook-codec.js';

/** The Ashby connector's signature check and parser, as the intake port. */
export const ashbyWebhookCodec: AshbyWebhookCodec = {
  verify: verifyAshbySignature,
  parse: (rawBody) => {
    const parsed = parseAshbyWebhook(rawBody, { offer: false });
    if (!parsed.ok) return parsed;
    const { webhookActionId, action, applicationId, candidateId, formerCandidateId } = parsed.event;
    return { ok: true, delivery: { webhookActionId, action, applicationId, candidateId, formerCandidateId } };
  },
};
