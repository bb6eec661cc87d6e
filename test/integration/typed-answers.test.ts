import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../support/harness';
import { messageEvent } from '../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../support/updates-world';

let world: UpdatesWorld;

beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-20T10:00:00Z'));
});
afterAll(() => world.close());

/** Sends an event and returns what the bot posted because of it (chat.postMessage calls). */
async function posted(event: Record<string, unknown>) {
  const before = world.slack.posts().length;
  const { status } = await world.harness.event(event);
  expect(status).toBe(200);
  const deadline = Date.now() + 3_000;
  while (world.slack.posts().length === before && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await world.harness.server.drain();
  await new Promise((resolve) => setTimeout(resolve, 60));
  return world.slack.posts().slice(before);
}

let dmSeq = 0;
const dm = (text: string, channel = `D0TYPED${++dmSeq}`) =>
  posted(messageEvent({ user: PEOPLE.lead, text, channel, channelType: 'im' }));

describe('the Messages tab answers like /direction', () => {
  it('shows a card for a bare ref, without starting an update', async () => {
    const [card] = await dm('5.1');
    expect(card.text).toContain('5.1');
    expect(visibleText(card)).not.toContain('How is *5.1* going?');
  });

  it('answers help, overdue and due next week as the slash command does', async () => {
    expect(visibleText((await dm('help'))[0])).toContain('/direction');
    expect((await dm('overdue'))[0].text).toMatch(/overdue/i);
    expect((await dm('due next week'))[0].text).toMatch(/next week/i);
  });

  it('says there is nothing to cancel when no update is in progress', async () => {
    const [said] = await dm('cancel');
    expect(said.text).toContain('nothing to cancel');
  });

  it('starts an update only on an update intent; help and cancel work at each step', async () => {
    const channel = 'D0TYPEDCONVO';
    const [asked] = await dm('report 5.1', channel);
    expect(visibleText(asked)).toContain('How is *5.1* going?');
    expect(visibleText(asked)).toContain('*cancel* to stop');

    const [helped] = await dm('help', channel);
    expect(visibleText(helped)).toContain('I need how it is going');
    expect(visibleText(helped)).toContain('Type cancel to stop');

    const [next] = await dm('at risk', channel);
    expect(visibleText(next)).toContain('What has happened since the last update');
    expect(visibleText(next)).toContain('*cancel* to stop');

    const [cancelled] = await dm('stop', channel);
    expect(visibleText(cancelled)).toContain('Cancelled the update to *5.1*. Nothing was saved.');

    // The conversation is over: the next message is a look-up again.
    const [card] = await dm('5.1', channel);
    expect(visibleText(card)).not.toContain('How is *5.1* going?');
  });
});

describe('@IJB Directions in a channel', () => {
  it('answers in the thread of the mention, for the channel to see', async () => {
    const ts = '1700009999.000100';
    const [answer] = await posted({
      type: 'app_mention',
      user: PEOPLE.member,
      text: '<@U0LOCALBOT> 5.1',
      channel: TEAM_CHANNEL,
      ts,
      event_ts: ts,
    });
    expect(answer.channel).toBe(TEAM_CHANNEL);
    expect(answer.thread_ts).toBe(ts);
    expect(answer.text).toContain('5.1');
    expect(world.slack.calls('chat.postEphemeral').filter((call) => call.ts === ts)).toEqual([]);
  });

  it('answers overdue in the thread too', async () => {
    const ts = '1700009999.000200';
    const [answer] = await posted({
      type: 'app_mention',
      user: PEOPLE.member,
      text: '<@U0LOCALBOT> overdue',
      channel: TEAM_CHANNEL,
      ts,
      event_ts: ts,
    });
    expect(answer.thread_ts).toBe(ts);
    expect(answer.text).toMatch(/overdue/i);
  });
});
