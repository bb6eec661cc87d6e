import { afterEach, describe, expect, it } from 'vitest';
import { pacedPoster } from '../../src/nudges/slack/posting';
import { runNudges } from '../../src/nudges/slack/run';
import { createNudgeWebClient, slackPoster } from '../../src/nudges/slack/slack-poster';
import { seedRegister } from '../../src/register/seed';
import { startTestDynamo } from '../support/harness';
import { nudgeDeps, subscribe } from '../support/nudges';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../support/updates-world';

// Slack takes the post but answers after 7 s, longer than the clients' 5 s timeout: the
// answer is lost, the message is not. It must be recognised, never posted again.
const SLOW_MS = 7_000;
const slowFirst = (slack: SlackStandIn, which: (body: Record<string, unknown>) => boolean) => {
  let slowed = false;
  slack.answerWith((request) => {
    if (slowed || !request.path.endsWith('/chat.postMessage') || !which(request.body)) return undefined;
    slowed = true;
    return { delayMs: SLOW_MS };
  });
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('when Slack answers a post later than the client waits', () => {
  it('posts the digest exactly once, and records it as posted', async () => {
    // Prepare
    const data = await startTestDynamo();
    const slack = await startSlackStandIn();
    cleanups.push(data.close, slack.close);
    await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
    await subscribe(data, 'C0ALL');
    slowFirst(slack, () => true);
    const poster = pacedPoster(
      slackPoster(createNudgeWebClient({ token: 'xoxb-test', slackApiUrl: slack.url })),
      {
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
    );
    // Act
    const report = await runNudges(nudgeDeps(data, { poster }), { day: '2024-01-17' });
    // Assess
    expect(slack.posts().filter((post) => post.channel === 'C0ALL')).toHaveLength(1);
    expect(report.digests.map((digest) => digest.outcome)).toEqual(['posted']);
    const [history] = slack.calls('conversations.history');
    expect(history).toMatchObject({ channel: 'C0ALL', include_all_metadata: 'true' });
  }, 30_000);

  it('posts an update in the status card’s thread exactly once', async () => {
    // Prepare
    const world: UpdatesWorld = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
    cleanups.push(world.close);
    const cardTs = await world.cardTs('5.1');
    slowFirst(world.slack, (body) => body.thread_ts === cardTs);
    // Act
    await world.harness.command('update 5.1 on track: agreement signed', { userId: PEOPLE.lead });
    await world.harness.server.drain();
    // Assess
    const inThread = world.slack.calls('chat.postMessage').filter((call) => call.thread_ts === cardTs);
    expect(inThread).toHaveLength(1);
    expect(world.slack.calls('conversations.replies')).toHaveLength(1);
  }, 30_000);
});
