import { describe, expect, it } from 'vitest';
import {
  type ChannelMessage,
  type MessagePoster,
  PostFailedError,
  pacedPoster,
  RateLimitedError,
} from '../../src/nudges/slack/posting';

/** A virtual clock: sleeping moves it on, so pacing is tested without waiting. */
function virtualTime() {
  const clock = { now: 0, slept: [] as number[] };
  return {
    clock,
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.now += ms;
    },
  };
}

const message = (channel: string): ChannelMessage => ({ channel, text: 'digest', blocks: [] });

function scriptedPoster(answers: (Error | undefined)[], time: { clock: { now: number } }) {
  const at: { channel: string; t: number }[] = [];
  const poster: MessagePoster = {
    async post(m) {
      at.push({ channel: m.channel, t: time.clock.now });
      const answer = answers.shift();
      if (answer) throw answer;
      return { ts: String(at.length) };
    },
  };
  return { poster, at };
}

describe('posting at Slack’s pace', () => {
  it('keeps to one message a second per channel, without holding up other channels', async () => {
    const time = virtualTime();
    const { poster, at } = scriptedPoster([], time);
    const paced = pacedPoster(poster, time);
    for (const channel of ['C1', 'C1', 'C2', 'C1']) await paced.post(message(channel));
    expect(at).toEqual([
      { channel: 'C1', t: 0 },
      { channel: 'C1', t: 1_000 },
      { channel: 'C2', t: 1_000 },
      { channel: 'C1', t: 2_000 },
    ]);
  });

  it('waits as long as Retry-After says, then tries again', async () => {
    const time = virtualTime();
    const { poster, at } = scriptedPoster([new RateLimitedError(30_000)], time);
    await pacedPoster(poster, time).post(message('C1'));
    expect(at.map((a) => a.t)).toEqual([0, 30_000]);
    expect(time.clock.slept).toEqual([30_000]);
  });

  it('gives up after three rate-limited tries', async () => {
    const time = virtualTime();
    const limited = () => new RateLimitedError(1_000);
    const { poster } = scriptedPoster([limited(), limited(), limited()], time);
    await expect(pacedPoster(poster, time).post(message('C1'))).rejects.toBeInstanceOf(PostFailedError);
  });

  it('fails rather than wait past the time the run has left', async () => {
    const time = virtualTime();
    const { poster, at } = scriptedPoster([new RateLimitedError(120_000)], time);
    const paced = pacedPoster(poster, { ...time, stopAt: 60_000 });
    await expect(paced.post(message('C1'))).rejects.toThrow(/No time left/);
    expect(at).toHaveLength(1);
    expect(time.clock.slept).toEqual([]);
  });

  it('passes other failures straight on', async () => {
    const time = virtualTime();
    const { poster } = scriptedPoster([new PostFailedError('channel_not_found')], time);
    await expect(pacedPoster(poster, time).post(message('C1'))).rejects.toThrow('channel_not_found');
  });
});
