import { createHmac, randomBytes } from 'node:crypto';
import type { LoadTarget, RequestSpec } from './load-generator.js';

const WAID = '__HB_BENCH_WAID__';
const APPID = '__HB_BENCH_APPID__';

/**
 * Signed `candidateHire` deliveries as Ashby sends them: the application and accepted offer of a real
 * simulator hire as the template, each delivery with its own webhookActionId and application id (so each
 * is a new delivery and a new import job), signed with the connection's Secret Token. The body is built
 * from a pre-split template and signed per request: a few microseconds of generator CPU.
 */
export function candidateHireDeliveries(
  url: string,
  template: { application: Record<string, unknown>; offer: Record<string, unknown> },
  secretToken: string | undefined,
): LoadTarget & { acknowledgedIds(): string[]; bodyBytes: number } {
  const json = JSON.stringify({
    webhookActionId: WAID,
    action: 'candidateHire',
    data: {
      application: { ...template.application, id: APPID },
      offer: { ...template.offer, applicationId: APPID },
    },
  });
  const parts = json.split(new RegExp(`(${WAID}|${APPID})`));
  const run = randomBytes(4).toString('hex');
  const idsOf = (i: number) => {
    const n = i.toString(16).padStart(12, '0');
    return { waid: `${run}0000-bench-4000-8000-${n}`, appId: `${run}-0000-4000-a000-${n}` };
  };
  const acknowledged: number[] = [];
  let counter = 0;
  const build = (i: number): RequestSpec => {
    const { waid, appId } = idsOf(i);
    const body = Buffer.from(parts.map((p) => (p === WAID ? waid : p === APPID ? appId : p)).join(''));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'hirebridge-bench',
    };
    if (secretToken !== undefined) {
      headers['ashby-signature'] = `sha256=${createHmac('sha256', secretToken).update(body).digest('hex')}`;
    }
    return { body, headers };
  };
  return {
    url,
    bodyBytes: build(0).body.length,
    next: () => {
      const index = counter++;
      return { index, spec: build(index) };
    },
    onOutcome: (index, status) => {
      if (status === 200) acknowledged.push(index);
    },
    acknowledgedIds: () => acknowledged.map((i) => idsOf(i).waid),
  };
}
