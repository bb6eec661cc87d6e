import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pacedPoster, recordingPoster } from '../../src/nudges/slack/posting';
import { runNudges } from '../../src/nudges/slack/run';
import { createNudgeWebClient, slackPoster } from '../../src/nudges/slack/slack-poster';
import { createSnoozeStore } from '../../src/store/snooze-store';
import { type Harness, startHarness, visibleText } from '../support/harness';
import { londonTime, nudgeDeps, subscribe } from '../support/nudges';
import { startSlackStandIn } from '../support/slack-stand-in';

let harness: Harness;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let now = londonTime('2024-01-22', 10);

// Each test gets its own register and Slack stand-in, and posts (and snoozes) what it needs.
beforeEach(async () => {
  now = londonTime('2024-01-22', 10);
  slack = await startSlackStandIn();
  harness = await startHarness({ clock: () => now, env: { SLACK_API_URL: `${slack.url}/api/` } });
  slack.setMembers('C0ALL', ['U0OFFICER']);
  await subscribe(harness, 'C0ALL');
});
afterEach(async () => {
  await harness.close();
  await slack.close();
});

const value = (ref: string) => JSON.stringify({ ijbId: 'midlothian', planYear: '2023-24', ref });
// biome-ignore lint/suspicious/noExplicitAny: Slack message JSON
const click = (message: any, ref: string, buttonValue = value(ref), user = 'U0OFFICER') => ({
  type: 'block_actions',
  user: { id: user },
  team: { id: 'T0LOCAL' },
  channel: { id: 'C0ALL' },
  container: { type: 'message', message_ts: message.ts, channel_id: 'C0ALL' },
  message,
  api_app_id: 'A0LOCAL',
  trigger_id: '1.local',
  response_url: slack.responseUrl,
  actions: [
    {
      type: 'button',
      action_id: 'nudge.snooze',
      block_id: `nudge:midlothian:2023-24:${ref}`,
      value: buttonValue,
      action_ts: '1',
    },
  ],
});

/** The digest of 17 January, posted to the stand-in. */
async function postedDigest() {
  const poster = pacedPoster(
    slackPoster(createNudgeWebClient({ token: 'xoxb-test', slackApiUrl: slack.url, retries: 0 })),
    { now: () => 0, sleep: async () => {} },
  );
  await runNudges(nudgeDeps(harness, { poster }), { day: '2024-01-17' });
  const [digest] = slack.posts();
  return digest;
}

/** 1.2 snoozed in #all by the officer on Monday 22 January. */
async function snoozed12(): Promise<void> {
  const digest = await postedDigest();
  slack.requests.length = 0;
  await harness.interact(click({ ...digest, ts: '1700000001.000001' }, '1.2'));
  await slack.waitFor(2); // conversations.members, then the replaced digest
  slack.requests.length = 0;
}

const activeSnoozes = () =>
  createSnoozeStore(harness.db, harness.tableName).listActive('midlothian', '2023-24', '2024-01-24');

describe('[Snooze a week] on a digest', () => {
  it('quiets the direction in that channel for 7 days, and marks the digest for everyone', async () => {
    // Prepare: the digest of 17 January, posted to the stand-in.
    const digest = await postedDigest();
    expect(visibleText(digest)).toContain('*1.2*');

    // Act: press Snooze on 1.2, on Monday 22 January.
    const { status } = await harness.interact(click({ ...digest, ts: '1700000001.000001' }, '1.2'));
    expect(status).toBe(200);
    const replaced = (await slack.waitFor(3)).find((r) => r.body.replace_original === true);

    // Assess: the digest is replaced in place; 1.2 keeps [Update], loses [Snooze], says who and until when.
    expect(replaced?.body.replace_original).toBe(true);
    const text = visibleText(replaced?.body);
    expect(text).toContain(
      ':zzz: Snoozed here by <@U0OFFICER> until Mon 29 Jan 2024. The due-day reminder still comes.',
    );
    type Blocks = { block_id?: string; elements?: { action_id: string }[] }[];
    const blocks = replaced?.body.blocks as Blocks;
    const buttons = blocks.find((b) => b.block_id === 'nudge:midlothian:2023-24:1.2')?.elements ?? [];
    expect(buttons.map((b) => b.action_id)).toEqual(['direction.update']);

    const snoozes = await createSnoozeStore(harness.db, harness.tableName).listActive(
      'midlothian',
      '2023-24',
      '2024-01-24',
    );
    expect(snoozes).toMatchObject([{ ref: '1.2', channel: 'C0ALL', by: 'U0OFFICER', until: '2024-01-29' }]);
    const next = recordingPoster();
    const report = await runNudges(nudgeDeps(harness, { poster: next }), { day: '2024-01-24' });
    const refs = report.digests.flatMap((d) => d.items.map((item) => item.ref));
    expect(refs).toContain('1.1');
    expect(refs).not.toContain('1.2');
    expect(report.ijbs.find((ijb) => ijb.ijbId === 'midlothian')?.snoozed).toBe(1);
  });

  it('lists what is snoozed in /direction subscriptions', async () => {
    await snoozed12();
    const text = visibleText((await harness.command('subscriptions', { channelId: 'C0ALL' })).body);
    expect(text).toContain('*1.2* until Mon 29 Jan 2024 (snoozed by <@U0OFFICER>)');
  });

  it('snoozes nothing when it cannot read the button, and says so', async () => {
    await snoozed12();
    now = londonTime('2024-01-23', 10);
    await harness.interact(click({ ts: '1', text: 'x', blocks: [] }, '2.1', 'not json'));
    const last = (await slack.waitFor(1)).at(-1);
    expect(last?.body.text).toContain('Nothing was snoozed.');
    const snoozes = await createSnoozeStore(harness.db, harness.tableName).listActive(
      'midlothian',
      '2023-24',
      '2024-01-24',
    );
    expect(snoozes.map((s) => s.ref)).toEqual(['1.2']);
  });

  it('refuses someone who is not in the channel, asked of Slack, and snoozes nothing', async () => {
    const digest = await postedDigest();
    slack.requests.length = 0;
    await harness.interact(click({ ...digest, ts: '1700000001.000001' }, '1.2', value('1.2'), 'U0OUTSIDER'));
    const answer = (await slack.waitFor(2)).find((r) => r.body.replace_original === false);
    expect(visibleText(answer?.body)).toContain('Only people in this channel can snooze its reminders.');
    expect(await activeSnoozes()).toEqual([]);
  });

  it('snoozes nothing when Slack cannot say who is in the channel, and says to try again', async () => {
    const digest = await postedDigest();
    slack.answerWith((request) =>
      request.path.endsWith('/conversations.members')
        ? { body: { ok: false, error: 'internal_error' } }
        : undefined,
    );
    slack.requests.length = 0;
    await harness.interact(click({ ...digest, ts: '1700000001.000001' }, '1.2'));
    const answer = (await slack.waitFor(2)).find((r) => r.body.replace_original === false);
    expect(visibleText(answer?.body)).toContain('I could not check with Slack that you are in this channel.');
    expect(await activeSnoozes()).toEqual([]);
  });
});
