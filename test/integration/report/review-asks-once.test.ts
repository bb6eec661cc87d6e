import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNudgeWebClient, slackPoster } from '../../../src/nudges/slack/slack-poster';
import { createAskJob } from '../../../src/review/slack/asks';
import { createNudgeRecordStore } from '../../../src/store/nudge-records';
import { createReviewStore } from '../../../src/store/review-store';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

const LEAD2 = 'U0LEAD002';
let world: UpdatesWorld;
let ask: () => Promise<void>;

beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-20T10:00:00Z'));
  await world.harness.command(`assign 1.1 <@${LEAD2}|lead>`, { userId: PEOPLE.admin });
  const { db, tableName, store } = world.harness;
  const reviews = createReviewStore(db, tableName);
  const job = createAskJob({
    store,
    clock: () => world.now(),
    round: (ijbId, roundId) => reviews.get(ijbId, roundId),
    records: createNudgeRecordStore(db, tableName),
    poster: slackPoster(createNudgeWebClient({ token: 'xoxb-test', slackApiUrl: `${world.slack.url}/api/` })),
  });
  ask = () => job({ ijbId: 'midlothian', roundId: 'spring-check' });
});
afterAll(() => world.close());

const asksTo = (user: string) =>
  world.slack.posts().filter((post) => post.channel === user && String(post.text).startsWith('spring check'));

describe('the review ask job', () => {
  it('asks each lead once: run again, at once, or after a failed post, only what is missing is sent', async () => {
    // Slack refuses every post to LEAD2 while the round opens.
    world.slack.answerWith((request) =>
      request.path.endsWith('/chat.postMessage') && request.body.channel === LEAD2
        ? { body: { ok: false, error: 'ratelimited_but_not_429' } }
        : undefined,
    );
    world.setNow(new Date('2023-11-27T10:00:00Z'));
    await world.harness.command('review open "spring check" closes 15 Dec 2023 for 1.1 5.1', {
      userId: PEOPLE.admin,
    });
    await world.harness.server.drain();
    // (posts() lists every postMessage tried, refused or not.)
    expect(asksTo(PEOPLE.lead)).toHaveLength(1);
    expect(asksTo(LEAD2)).toHaveLength(1);
    // The job failed (so Lambda's async retry runs it again); the one ask that went is not repeated.
    await expect(ask()).rejects.toThrow('1 review asks of "spring check" could not be posted');
    expect(asksTo(PEOPLE.lead)).toHaveLength(1);
    expect(asksTo(LEAD2)).toHaveLength(2);

    world.slack.answerWith(undefined);
    // The day after, two retries at once: the failed ask goes once, the sent one stays sent.
    world.setNow(new Date('2023-11-28T09:00:00Z'));
    await Promise.all([ask(), ask(), ask()]);
    expect(
      asksTo(LEAD2)
        .slice(2)
        .map((post) => post.text),
    ).toEqual(['spring check: your update on 1.1 is asked for by Fri 15 Dec 2023.']);
    await ask();
    expect(asksTo(LEAD2)).toHaveLength(3);
    expect(asksTo(PEOPLE.lead)).toHaveLength(1);
  });
});
