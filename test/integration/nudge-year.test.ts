import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/local-date';
import { type ChannelMessage, recordingPoster } from '../../src/nudges/slack/posting';
import { type NudgeRunReport, runNudges } from '../../src/nudges/slack/run';
import { calendarFor } from '../../src/register/calendars';
import { seedRegister } from '../../src/register/seed';
import { startTestDynamo } from '../support/harness';
import { editDirection, londonTime, nudgeDeps, subscribe } from '../support/nudges';

/**
 * The seeded Midlothian 2023-24 register run through every day of its plan year, the way the
 * schedule would (and on weekends and holidays too, in case it fires then): what goes out,
 * when, and how often.
 */
let data: Awaited<ReturnType<typeof startTestDynamo>>;
const reports: NudgeRunReport[] = [];
const posts: { day: string; message: ChannelMessage }[] = [];
// The 16 directions of the seed due "by January 2024".
const JANUARY_2024 = [
  '1.1',
  '1.2',
  '2.1',
  '2.2',
  '3.1',
  '3.2',
  '3.3',
  '4.1',
  '4.2',
  '4.3',
  '5.2',
  '6.1',
  '6.2',
  '7.1',
  '7.2',
  '7.3',
];

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  // Prepare: a channel that follows everything, and two directions with their own team channel.
  await subscribe(data, 'C0ALL');
  await editDirection(data, '1.1', { channel: 'C0TEAM', leads: ['U0LEAD'] });
  await editDirection(data, '5.1', { channel: 'C0TEAM' });

  // Act: every day from 1 April 2023 to 31 March 2024, two runs at once (the schedule's
  // at-least-once delivery at its worst).
  for (let day = '2023-04-01'; day <= '2024-03-31'; day = addDays(day, 1)) {
    const posters = [recordingPoster(), recordingPoster()];
    const clock = () => londonTime(day, 7, 30);
    reports.push(
      ...(await Promise.all(posters.map((poster) => runNudges(nudgeDeps(data, { poster, clock }), { day })))),
    );
    posts.push(...posters.flatMap((poster) => poster.posted.map((message) => ({ day, message }))));
  }
}, 240_000);
afterAll(() => data.close());

const sent = () => reports.flatMap((report) => report.digests.filter((d) => d.outcome === 'posted'));

describe('a year of daily nudge runs over the seeded register, two at a time', () => {
  it('checks which January 2024 deadlines the seed holds', async () => {
    const due = await data.store.listDue('midlothian', '2023-24', { from: '2024-01-31', to: '2024-01-31' });
    expect(due.map((entry) => entry.ref).sort()).toEqual([...JANUARY_2024].sort());
  });

  it('never posts on a weekend or a Scottish bank holiday', () => {
    const calendar = calendarFor({ settings: { monthDeadlineRule: 'end-of-month', closures: [] } });
    expect(posts.length).toBeGreaterThan(0);
    for (const { day } of posts) expect(calendar.isWorkingDay(day), day).toBe(true);
    for (const holiday of ['2023-11-30', '2023-12-25', '2023-12-26', '2024-01-01', '2024-01-02']) {
      expect(posts.filter((post) => post.day === holiday)).toEqual([]);
    }
  });

  it('reminds of every January 2024 deadline before the break, on Friday 22 December 2023', () => {
    const festive = sent().filter((digest) => digest.items.some((item) => item.milestone === 'festive'));
    // One digest in each channel: C0ALL follows everything, C0TEAM is 1.1's team channel.
    expect(festive.map((digest) => digest.day)).toEqual(['2023-12-22', '2023-12-22']);
    const all = festive.find((digest) => digest.channel === 'C0ALL');
    expect(
      all?.items
        .filter((item) => item.milestone === 'festive')
        .map((item) => item.ref)
        .sort(),
    ).toEqual([...JANUARY_2024].sort());
    const digest = posts.find((post) => post.day === '2023-12-22' && post.message.channel === 'C0ALL');
    expect(JSON.stringify(digest?.message.blocks)).toContain('Before the break');
  });

  it('sends each milestone of each deadline to each channel once', () => {
    const seen = new Map<string, string>();
    for (const digest of sent()) {
      for (const item of digest.items) {
        const key = `${item.ref}#${item.deadlineIndex}#${item.milestone}#${digest.channel}`;
        expect(seen.get(key), `${key} on ${digest.day}`).toBeUndefined();
        seen.set(key, digest.day);
      }
    }
    // 1.1 in its team channel: 60, 30 days before, the break, 10, 5 days before, the due day, then weekly.
    const teamDays = [...seen.entries()]
      .filter(([key]) => key.startsWith('1.1#0#') && key.endsWith('#C0TEAM'))
      .map(([key, day]) => `${key.split('#')[2]} ${day}`);
    expect(teamDays.slice(0, 7)).toEqual([
      'before-60 2023-11-01',
      'before-30 2023-12-14',
      'festive 2023-12-22',
      'before-10 2024-01-17',
      'before-5 2024-01-24',
      'due 2024-01-31',
      'overdue-1 2024-02-07',
    ]);
  });

  it('posts at most one digest message per channel per day', () => {
    const perDay = new Map<string, number>();
    for (const { day, message } of posts) {
      const key = `${day}#${message.channel}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBe(1);
  });

  it('mentions the lead and offers [Update] and [Snooze a week] for each direction', () => {
    const digest = posts.find((post) => post.day === '2024-01-31' && post.message.channel === 'C0TEAM');
    const json = JSON.stringify(digest?.message.blocks);
    expect(json).toContain('<@U0LEAD>');
    expect(json).toContain('"action_id":"direction.update"');
    expect(json).toContain(
      '"value":"{\\"ijbId\\":\\"midlothian\\",\\"planYear\\":\\"2023-24\\",\\"ref\\":\\"1.1\\"}"',
    );
    expect(json).toContain('"action_id":"nudge.snooze"');
  });

  it('reads only the deadlines in reach and the directions owed something', () => {
    const quiet = reports.filter((report) => report.day === '2023-05-02');
    for (const report of quiet)
      expect(report.ijbs.find((ijb) => ijb.ijbId === 'midlothian')).toMatchObject({
        deadlinesRead: 0,
        directionsRead: 0,
      });
    const busy = reports.filter((report) => report.day === '2024-01-31');
    for (const report of busy)
      expect(report.ijbs.find((ijb) => ijb.ijbId === 'midlothian')?.directionsRead).toBe(16);
  });

  it('leaves a run that finds nothing new with nothing to do', async () => {
    const poster = recordingPoster();
    const again = await runNudges(nudgeDeps(data, { poster }), { day: '2024-01-31' });
    expect(poster.posted).toEqual([]);
    expect(again.digests.every((digest) => digest.outcome === 'already-sent')).toBe(true);
  });
});
