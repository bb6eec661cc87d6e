import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/local-date';
import { seedRegister } from '../../src/register/seed';
import { startTestDynamo, TEST_SECRET } from '../support/harness';
import { londonTime, subscribe } from '../support/nudges';
import { startSlackStandIn } from '../support/slack-stand-in';

type Handler = (
  event: unknown,
  context: unknown,
) => Promise<{ day: string; outcomes: Record<string, number>; reminders: number }>;

let handler: Handler;
let close: () => Promise<void>;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
const savedEnv = { ...process.env };
const context = { getRemainingTimeInMillis: () => 60_000 };

beforeAll(async () => {
  const data = await startTestDynamo();
  slack = await startSlackStandIn();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  await subscribe(data, 'C0ALL');
  close = data.close;
  Object.assign(process.env, {
    TABLE_NAME: data.tableName,
    AWS_REGION: 'eu-west-2',
    AWS_ENDPOINT_URL_DYNAMODB: data.dynamo.endpoint,
    SLACK_SIGNING_SECRET: TEST_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.url,
    LOG_LEVEL: 'error',
  });
  ({ handler } = (await import('../../lambdas/nudge')) as unknown as { handler: Handler });
});
afterAll(async () => {
  process.env = savedEnv;
  await slack.close();
  await close();
});

describe('lambdas/nudge', () => {
  // Each test runs its own day, and looks only at the posts its own run made.
  const postsDuring = async (run: () => Promise<unknown>) => {
    const before = slack.posts().length;
    await run();
    return slack.posts().slice(before);
  };

  it('runs the day it is given and posts the digest through the Web API', async () => {
    let summary: Awaited<ReturnType<Handler>> | undefined;
    const posts = await postsDuring(async () => {
      summary = await handler({ date: '2024-01-17' }, context);
    });
    expect(summary).toMatchObject({ day: '2024-01-17', outcomes: { posted: 1 }, reminders: 16 });
    expect(posts.map((post) => post.channel)).toEqual(['C0ALL']);
  });

  it('does nothing more when the same event is delivered again (at-least-once)', async () => {
    const first = await postsDuring(() => handler({ date: '2023-12-22' }, context));
    let again: Awaited<ReturnType<Handler>> | undefined;
    const second = await postsDuring(async () => {
      again = await handler({ date: '2023-12-22' }, context);
    });
    expect(first.map((post) => post.channel)).toEqual(['C0ALL']);
    expect(again?.outcomes).toEqual({ 'already-sent': 1 });
    expect(second).toEqual([]);
  });

  it('runs the London day the schedule fired on, through both clock changes', async () => {
    for (const start of ['2024-03-28', '2024-10-25']) {
      for (let day = start; day <= addDays(start, 4); day = addDays(day, 1)) {
        for (const [hour, minute] of [
          [0, 30],
          [7, 30],
          [23, 30],
        ] as const) {
          const scheduledTime = londonTime(day, hour, minute).toISOString();
          expect((await handler({ scheduledTime }, context)).day, scheduledTime).toBe(day);
        }
      }
    }
  });

  it('refuses an event it cannot read, so the schedule’s dead-letter queue shows it', async () => {
    await expect(handler({ date: '17/01/2024' }, context)).rejects.toThrow(/Nudge event is not valid: date/);
  });
});
