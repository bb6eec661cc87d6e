import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../../../src/domain/direction';
import { type Harness, startHarness } from '../../support/harness';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in';

const WEB = 'https://register.example.org';
let slack: SlackStandIn;
let harness: Harness;
beforeAll(async () => {
  slack = await startSlackStandIn();
  harness = await startHarness({
    env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.url, PUBLIC_URL: WEB },
  });
});
afterAll(async () => {
  await harness.close();
  await slack.close();
});
let n = 0;
beforeEach(() => {
  n++;
});

/** A person posts `urls` in channel C0TEAM<n>; Slack tells the bot (link_shared). */
async function share(urls: string[], envelope: Record<string, unknown> = {}) {
  const channel = `C0TEAM${n}`;
  const { status } = await harness.event(
    {
      type: 'link_shared',
      channel,
      is_bot_user_member: true,
      user: 'U0OFFICER',
      message_ts: `1700000${n}.000100`,
      unfurl_id: `Uf${n}`,
      source: 'conversations_history',
      links: urls.map((url) => ({ domain: new URL(url).host, url })),
      event_ts: `1700000${n}.000100`,
    },
    { envelope },
  );
  expect(status).toBe(200);
  return channel;
}
/** Slack is acked first and the listener runs after: wait for the bot's chat.unfurl of `source`. */
async function unfurled(source: string) {
  const deadline = Date.now() + 5_000;
  while (unfurlsFor(source).length === 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return unfurlsFor(source);
}
const MINE = `${WEB}/ijbs/midlothian/years/2023-24/directions/5.2`;
const unfurlsFor = (source: string) =>
  slack.calls('chat.unfurl').filter((call) => call.unfurl_id === source || call.channel === source);

describe('Slack unfurls links to the web register', () => {
  it('unfurls a direction page into a compact card: ref, title, status, deadline, to whom', async () => {
    const url = `${WEB}/ijbs/midlothian/years/2023-24/directions/5.1`;
    await share([url]);
    const [call] = await unfurled(`Uf${n}`);
    expect(call).toMatchObject({ source: 'conversations_history', unfurl_id: `Uf${n}` });
    const card = JSON.stringify(call.unfurls[url].blocks);
    expect(card).toContain(`<${url}|5.1`);
    expect(card).toMatch(/NHS Lothian|Midlothian Council/);
    const direction = await harness.store.getDirection('midlothian', '2023-24', '5.1');
    expect(card).toContain(STATUS_LABELS[direction?.status ?? 'on-track']);
    expect(card).toContain('Midlothian');
    expect(call.unfurls[url].blocks.length).toBeLessThanOrEqual(2);
  });

  it('leaves alone links to another IJB, to other pages and hosts, and to refs that do not exist', async () => {
    await share([
      MINE,
      `${WEB}/ijbs/east-lothian/years/2019-20/directions/D1`,
      `${WEB}/ijbs/midlothian/years/2023-24`,
      `${WEB}/share/abc.def.123.sig`,
      'https://elsewhere.example.com/ijbs/midlothian/years/2023-24/directions/5.1',
      `${WEB}/ijbs/midlothian/years/2023-24/directions/99.9`,
    ]);
    // One call, for the one link it may unfurl: the others are left as plain links.
    const calls = await unfurled(`Uf${n}`);
    expect(calls).toHaveLength(1);
    expect(Object.keys(calls[0].unfurls)).toEqual([MINE]);
  });

  it('does not unfurl in a channel shared with another organisation (Slack Connect)', async () => {
    await share([`${WEB}/ijbs/midlothian/years/2023-24/directions/5.1`], { is_ext_shared_channel: true });
    const shared = `Uf${n}`;
    // The same link in the workspace's own channel, after it: unfurled, so the first was heard and refused.
    n++;
    await share([`${WEB}/ijbs/midlothian/years/2023-24/directions/5.1`], { is_ext_shared_channel: false });
    expect(await unfurled(`Uf${n}`)).toHaveLength(1);
    expect(unfurlsFor(shared)).toEqual([]);
  });

  it('unfurls a link still in the composer by its unfurl_id, a posted one without it by channel and ts', async () => {
    const channel = `C0TEAM${n}`;
    await harness.event({
      type: 'link_shared',
      channel,
      is_bot_user_member: true,
      user: 'U0OFFICER',
      message_ts: `1700000${n}.000200`,
      links: [{ domain: 'register.example.org', url: MINE }],
      event_ts: `1700000${n}.000200`,
    });
    const [call] = await unfurled(channel);
    expect(call).toMatchObject({ channel, ts: `1700000${n}.000200` });
    expect(call.unfurl_id).toBeUndefined();
  });
});
