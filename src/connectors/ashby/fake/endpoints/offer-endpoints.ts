import { z } from 'zod';
import { offerAcceptanceStatusSchema, offerStatusSchema } from '../../schemas.js';
import { notFound } from '../api-error.js';
import { paginate } from '../pagination.js';
import { offerCreatedAt } from '../state.js';
import { offerListItemWire, offerWire } from '../wire-records.js';
import { createdAfterShape, ms, pageBody, pageParamsShape, params, type EndpointTable } from './endpoint.js';

/** Status filters are arrays that, when present, must hold at least one value (§4). */
const offerList = z.looseObject({
  ...pageParamsShape,
  ...createdAfterShape,
  offerStatus: z.array(offerStatusSchema).min(1).optional(),
  acceptanceStatus: z.array(offerAcceptanceStatusSchema).min(1).optional(),
  approvalStatus: z.array(z.string()).min(1).optional(),
  applicationId: z.string().optional(),
});
const offerInfo = z.looseObject({ offerId: z.string() });

export const offerEndpoints: EndpointTable = {
  'offer.list': {
    permission: 'offersRead',
    handle: ({ core, body }) => {
      const p = params(offerList, body);
      const items = [...core.state.offers.values()].filter((o) => {
        const approval = o.versions[o.versions.length - 1]?.approvalStatus;
        return (
          (p.createdAfter === undefined || ms(offerCreatedAt(o)) > p.createdAfter) &&
          (p.offerStatus === undefined || p.offerStatus.includes(o.offerStatus)) &&
          (p.acceptanceStatus === undefined || p.acceptanceStatus.includes(o.acceptanceStatus)) &&
          (p.approvalStatus === undefined ||
            (approval !== undefined && p.approvalStatus.includes(approval))) &&
          (p.applicationId === undefined || o.applicationId === p.applicationId)
        );
      });
      const page = paginate({
        state: core.state,
        items,
        createdAtMs: (o) => ms(offerCreatedAt(o)),
        params: p,
        filters: JSON.stringify([
          'offer',
          p.createdAfter ?? null,
          p.offerStatus ?? null,
          p.acceptanceStatus ?? null,
          p.approvalStatus ?? null,
          p.applicationId ?? null,
        ]),
        syncCapable: true,
      });
      return pageBody(page, (o) => offerListItemWire(core.wire, o));
    },
  },
  'offer.info': {
    permission: 'offersRead',
    handle: ({ core, body }) => {
      const p = params(offerInfo, body);
      const offer = core.state.offers.get(p.offerId);
      if (offer === undefined) throw notFound('offer');
      return { results: offerWire(core.wire, offer) };
    },
  },
};
