import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../kit/testing/upstream-server.js';
import { testHttp } from '../kit/testing/test-http.js';
import { slackIncomingWebhook } from './incoming-webhook.js';

describe('Slack incoming webhook', () => {
  let slack: Upstream;
  beforeAll(async () => {
    slack = await startUpstream((_req, res) => res.end('ok'));
  });
  afterAll(async () => {
    await slack.close();
  });

  it('escapes &, < and > so a candidate name cannot ping the channel or disguise a link', async () => {
    const poster = slackIncomingWebhook(testHttp());
    await poster.post(`${slack.url}/services/T/B/X`, {
      text: '<!channel> <https://evil.example|Review here> Tom & Jerry was hired',
    });
    expect(slack.requests).toHaveLength(1);
    expect(JSON.parse(slack.requests[0]!.body)).toEqual({
      text: '&lt;!channel&gt; &lt;https://evil.example|Review here&gt; Tom &amp; Jerry was hired',
    });
  });
});
