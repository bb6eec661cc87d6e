import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/local-date';
import { type MessagePoster, pacedPoster, recordingPoster } from '../../src/nudges/slack/posting';
import { type NudgeRunReport, runNudges } from '../../src/nudges/slack/run';
import { createNudgeWebClient, slackPoster } from '../../src/nudges/slack/slack-poster';
import { seedRegister } from '../../src/register/seed';
import { createNudgeRecordStore } from '../../src/store/nudge-records';
import { createThreadAnchorStore } from '../../src/store/thread-anchors';
import { startTestDynamo } from '../support/harness';
import { editDirection, londonTime, nudgeDeps, snooze, subscribe } from '../support/nudges';
import { startSlackStandIn } from '../support/slack-stand-in';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;

beforeEach(async () => {
  data = await startTestDynamo();
  slack = await startSlackStandIn();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  await subscribe(data, 'C0ALL');
  await subscribe(data, 'C0CHIEF', { kind: 'escalations' });
});
afterEach(async () => {
  await slack.close();
  await data.close();
});

/** Slack through the stand-in, paced on a virtual clock: waits are recorded, not slept. */
function slackThroughStandIn() {
  let virtual = 0;
  const waits: number[] = [];
  const client = createNudgeWebClient({ token: 'xoxb-test', slackApiUrl: slack.url, retries: 0 });
  const poster = pacedPoster(slackPoster(client), {
    now: () => virtual,
    sleep: async (ms) => {
      waits.push(ms);
      virtual += ms;
    },
  });
  return { poster, waits };
}

const run = (day: string, poster: MessagePoster, at = londonTime(day, 7, 30)) =>
  runNudges(nudgeDeps(data, { poster, clock: () => at }), { day });
const refsIn = (report: NudgeRunReport, channel: string, milestone?: string) =>
  report.digests
    .filter((digest) => digest.channel === channel && digest.outcome === 'posted')
    .flatMap((digest) => digest.items.filter((item) => !milestone || item.milestone === milestone))
    .map((item) => item.ref)
    .sort();

describe('exactly once', () => {
  it('posts each reminder once when two runs for the same day race', async () => {
    const posters = [recordingPoster(), recordingPoster(), recordingPoster()];
    const reports = await Promise.all(posters.map((poster) => run('2024-01-31', poster)));
    const messages = posters.flatMap((poster) => poster.posted);
    expect(messages.filter((message) => message.channel === 'C0ALL')).toHaveLength(1);
    expect(reports.flatMap((report) => refsIn(report, 'C0ALL', 'due'))).toHaveLength(16);
    const outcomes = reports.flatMap((report) => report.digests.map((digest) => digest.outcome)).sort();
    expect(outcomes).toEqual(['posted', 'taken', 'taken']);
  });

  it('marks a failed post failed, and the next run sends it', async () => {
    slack.answerWith((request) =>
      request.path.endsWith('/chat.postMessage')
        ? { body: { ok: false, error: 'channel_not_found' } }
        : undefined,
    );
    const failed = await run('2024-01-17', slackThroughStandIn().poster);
    expect(failed.digests[0]).toMatchObject({ channel: 'C0ALL', outcome: 'failed' });
    expect(failed.digests[0]?.error).toContain('channel_not_found');
    const records = await createNudgeRecordStore(data.db, data.tableName).listForDirection(
      'midlothian',
      '2023-24',
      '1.1',
    );
    expect(records.map((r) => [r.milestone, r.status, r.attempts])).toEqual([['before-10', 'failed', 1]]);

    slack.answerWith(undefined);
    const retried = await run('2024-01-18', slackThroughStandIn().poster);
    expect(refsIn(retried, 'C0ALL', 'before-10')).toHaveLength(16);
    const after = await createNudgeRecordStore(data.db, data.tableName).listForDirection(
      'midlothian',
      '2023-24',
      '1.1',
    );
    expect(after.map((r) => [r.milestone, r.status, r.attempts])).toEqual([['before-10', 'sent', 2]]);
  });

  it('gives up on a reminder that keeps failing after two working days', async () => {
    slack.answerWith((request) =>
      request.path.endsWith('/chat.postMessage') ? { body: { ok: false, error: 'is_archived' } } : undefined,
    );
    const tried: string[] = [];
    for (const day of ['2024-01-17', '2024-01-18', '2024-01-19', '2024-01-22']) {
      const report = await run(day, slackThroughStandIn().poster);
      if (report.digests.some((d) => d.items.some((item) => item.milestone === 'before-10'))) tried.push(day);
    }
    expect(tried).toEqual(['2024-01-17', '2024-01-18', '2024-01-19']);
  });

  it('catches up on days whose run did not finish, but only the latest reminder, and not on a first run', async () => {
    const first = await run('2024-01-18', recordingPoster());
    expect(first.digests).toEqual([]);
    await run('2024-01-22', recordingPoster());
    // No run on 23 and 24 January: the run of the 25th covers them, and sends 24th's "5 days before".
    const report = await run('2024-01-25', recordingPoster());
    expect(report.ijbs.find((ijb) => ijb.ijbId === 'midlothian')?.since).toBe('2024-01-23');
    expect(refsIn(report, 'C0ALL', 'before-5')).toHaveLength(16);
  });

  it('lets a rerun on the same day (a retried schedule) send what failed', async () => {
    slack.answerWith(() => ({ status: 500, body: { ok: false } }));
    expect((await run('2024-01-17', slackThroughStandIn().poster)).digests[0]?.outcome).toBe('failed');
    slack.answerWith(undefined);
    const rerun = await run('2024-01-17', slackThroughStandIn().poster, londonTime('2024-01-17', 8));
    expect(refsIn(rerun, 'C0ALL')).toHaveLength(16);
    // The failed run tried twice (a 5xx may have posted: it looked in the channel first, found
    // nothing, and tried again); Slack took neither. Then the rerun's one post.
    expect(slack.posts().filter((post) => post.channel === 'C0ALL')).toHaveLength(3);
    expect(slack.calls('conversations.history')).toHaveLength(1);
  });

  it('takes over a reminder held by a run that died mid-post, once its lease is over', async () => {
    const stuck: MessagePoster = { post: () => new Promise(() => {}) };
    void run('2024-01-17', stuck, new Date('2024-01-17T07:30:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const soon = await run('2024-01-17', recordingPoster(), new Date('2024-01-17T07:40:00Z'));
    expect(soon.digests[0]?.outcome).toBe('taken');
    const later = recordingPoster();
    await run('2024-01-17', later, new Date('2024-01-17T07:46:00Z'));
    expect(later.posted.map((message) => message.channel)).toEqual(['C0ALL']);
  });
});

describe('posting to Slack', () => {
  it('honours Retry-After on a 429, then posts', async () => {
    let calls = 0;
    slack.answerWith((request) =>
      request.path.endsWith('/chat.postMessage') && calls++ === 0
        ? { status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } }
        : undefined,
    );
    const { poster, waits } = slackThroughStandIn();
    const report = await run('2024-01-17', poster);
    expect(report.digests[0]?.outcome).toBe('posted');
    expect(waits).toEqual([3_000]);
    expect(slack.posts()).toHaveLength(2);
  });

  it('anchors each digest message so replies in its thread are about its directions', async () => {
    await run('2024-01-17', slackThroughStandIn().poster);
    const [post] = slack.posts();
    const ts = (
      await createNudgeRecordStore(data.db, data.tableName).listForDirection('midlothian', '2023-24', '1.1')
    )[0]?.ts;
    const anchor = await createThreadAnchorStore(data.db, data.tableName).get('C0ALL', ts as string);
    expect(post?.channel).toBe('C0ALL');
    expect(anchor?.kind).toBe('nudge');
    expect(anchor?.directions).toHaveLength(16);
    expect(anchor?.directions).toContainEqual({ ijbId: 'midlothian', planYear: '2023-24', ref: '1.1' });
  });
});

describe('who hears what', () => {
  it('leaves a direction updated in the last 14 days in peace, except on its due day', async () => {
    await editDirection(data, '1.1', {
      latestUpdate: { at: '2024-01-10T15:00:00Z', by: 'U0LEAD', status: 'on-track', text: 'Plans drafted.' },
    });
    const before = await run('2024-01-17', recordingPoster());
    expect(refsIn(before, 'C0ALL')).not.toContain('1.1');
    expect(before.ijbs.find((ijb) => ijb.ijbId === 'midlothian')?.quiet).toBe(1);
    expect(refsIn(await run('2024-01-24', recordingPoster()), 'C0ALL')).not.toContain('1.1');
    expect(refsIn(await run('2024-01-31', recordingPoster()), 'C0ALL', 'due')).toContain('1.1');
  });

  it('silences a snoozed direction in that channel for 7 days, but not on its due day', async () => {
    await editDirection(data, '1.2', { channel: 'C0TEAM' });
    await snooze(data, '1.2', 'C0ALL', '2024-01-29');
    const snoozed = await run('2024-01-24', recordingPoster());
    expect(refsIn(snoozed, 'C0ALL')).not.toContain('1.2');
    expect(refsIn(snoozed, 'C0TEAM')).toEqual(['1.2']);
    expect(refsIn(await run('2024-01-25', recordingPoster()), 'C0ALL')).not.toContain('1.2');
    await snooze(data, '1.2', 'C0ALL', '2024-02-05');
    expect(refsIn(await run('2024-01-31', recordingPoster()), 'C0ALL', 'due')).toContain('1.2');
  });

  it('escalates overdue and silent directions to the escalation channel, once a fortnight', async () => {
    const escalated: Record<string, string[]> = {};
    for (let day = '2024-02-01'; day <= '2024-03-15'; day = addDays(day, 1)) {
      if (day === '2024-02-20') {
        await editDirection(data, '1.1', {
          latestUpdate: {
            at: '2024-02-20T11:00:00Z',
            by: 'U0LEAD',
            status: 'at-risk',
            text: 'Late: staffing.',
          },
        });
      }
      const report = await run(day, recordingPoster());
      for (const item of report.digests.filter((d) => d.channel === 'C0CHIEF').flatMap((d) => d.items)) {
        escalated[`${item.ref} ${item.milestone}`] = [
          ...(escalated[`${item.ref} ${item.milestone}`] ?? []),
          day,
        ];
      }
    }
    // 31 Jan + 10 working days = 14 Feb; then every 14 days.
    expect(escalated['1.2 escalation-1']).toEqual(['2024-02-14']);
    expect(escalated['1.2 escalation-2']).toEqual(['2024-02-28']);
    expect(escalated['1.2 escalation-3']).toEqual(['2024-03-13']);
    // 1.1 spoke on 20 Feb, so was not escalated on 28 Feb; silent for 10 working days on 5 March,
    // it is escalated with its next weekly overdue reminder, on 6 March.
    expect(escalated['1.1 escalation-1']).toEqual(['2024-02-14']);
    expect(escalated['1.1 escalation-2']).toEqual(['2024-03-06']);
    expect(Object.keys(escalated).every((key) => key.includes('escalation'))).toBe(true);
  });
});
