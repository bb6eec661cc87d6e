import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../../support/harness';
import { click } from '../../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-20T10:00:00Z'));
});
afterAll(() => world.close());

const say = async (text: string, userId: string = PEOPLE.admin) => {
  await world.harness.command(text, { userId });
  await world.harness.server.drain();
};

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON
async function openHome(userId: string): Promise<any> {
  const before = world.slack.calls('views.publish').length;
  await world.harness.event({
    type: 'app_home_opened',
    user: userId,
    channel: `D${userId.slice(1)}`,
    tab: 'home',
    event_ts: `1700000300.${String(Date.now()).slice(-6)}`,
  });
  const deadline = Date.now() + 5_000;
  while (world.slack.calls('views.publish').length <= before) {
    if (Date.now() > deadline) throw new Error('App Home was not published');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return world.slack.calls('views.publish').at(-1)?.view;
}

describe('App Home during a review round', () => {
  it('shows the open round, its counts, and what I owe with [No change] and [Update]', async () => {
    expect(JSON.stringify(await openHome(PEOPLE.lead))).not.toContain('Review:');
    await say('update 5.1 on track: HSCP split done for 3 services', PEOPLE.lead);
    world.setNow(new Date('2023-11-27T10:00:00Z'));
    await say('review open "winter check" closes 15 Dec 2023 for 1.1 5.1');

    const home = await openHome(PEOPLE.lead);
    const text = visibleText(home);
    expect(text).toContain('Review: winter check');
    expect(text).toContain('Closes Fri 15 Dec 2023 · 0 returned, 2 outstanding');
    expect(text).toContain('You still owe the round an update on:');
    const buttons = home.blocks
      .filter((block: { block_id?: string }) => block.block_id?.startsWith('home-review-'))
      .flatMap((block: { elements: { action_id: string; value: string }[] }) => block.elements);
    // 5.1 is the lead's; 1.1 has no lead and is not theirs to answer.
    expect(buttons.map((b: { action_id: string }) => b.action_id)).toEqual([
      'review.no-change',
      'direction.update',
    ]);
    expect(JSON.parse(buttons[0].value)).toMatchObject({ ref: '5.1', roundId: 'winter-check' });

    // [No change] pressed in App Home (no response_url there): saved, and the answer comes by DM.
    const pressed = click({
      actionId: 'review.no-change',
      value: buttons[0].value,
      userId: PEOPLE.lead,
      responseUrl: '',
      in: { kind: 'view', id: 'V0HOME' },
    }) as Record<string, unknown>;
    delete pressed.response_url;
    expect((await world.harness.interact(pressed)).status).toBe(200);
    const deadline = Date.now() + 5_000;
    const answered = () =>
      world.slack
        .posts()
        .some((post) => post.channel === PEOPLE.lead && String(post.text).startsWith('Saved for 5.1'));
    while (!answered()) {
      if (Date.now() > deadline) throw new Error('no answer by DM');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Once returned, nothing is owed, and the counts move.
    const after = visibleText(await openHome(PEOPLE.lead));
    expect(after).toContain('1 returned, 1 outstanding');
    expect(after).toContain('You owe this round nothing.');
  });
});
