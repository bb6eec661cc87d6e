import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageEvent } from '../../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-27T10:00:00Z'));
  await world.harness.command('review open "winter check" closes 15 Dec 2023 for 1.1 5.1', {
    userId: PEOPLE.admin,
  });
  await world.harness.server.drain();
});
afterAll(() => world.close());

const DM = 'D0LEADDM01';
async function typeInDm(text: string, user: string = PEOPLE.lead): Promise<string> {
  const before = world.slack.posts().filter((post) => post.channel === DM).length;
  await world.harness.event(messageEvent({ user, text, channel: DM, channelType: 'im' }));
  const deadline = Date.now() + 5_000;
  while (world.slack.posts().filter((post) => post.channel === DM).length <= before) {
    if (Date.now() > deadline) throw new Error(`no answer to "${text}"`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return String(
    world.slack
      .posts()
      .filter((post) => post.channel === DM)
      .at(-1)?.text,
  );
}

describe('a lead refuses an ask by replying in the DM', () => {
  it('asks for a reason, refuses what is not theirs, and records their "not mine"', async () => {
    expect(await typeInDm('not mine 5.1')).toContain('Say why it is not yours');
    expect(await typeInDm('not mine 1.1 because no one leads it')).toBe(
      'Only a lead of 1.1 can say it is not theirs.',
    );
    await world.harness.event(
      messageEvent({
        user: PEOPLE.lead,
        text: 'not mine 5.1 because it moved to the Council',
        channel: DM,
        channelType: 'im',
      }),
    );
    const deadline = Date.now() + 5_000;
    const told = () =>
      world.slack
        .posts()
        .some(
          (post) => post.channel === PEOPLE.admin && String(post.text).includes('says 5.1 is not theirs'),
        );
    while (!told()) {
      if (Date.now() > deadline) throw new Error('admins were not told');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const { body } = await world.harness.command('review status', { userId: PEOPLE.admin });
    expect(body.text).toContain(`5.1 declined by <@${PEOPLE.lead}>`);
    expect(body.text).toContain('0 returned, 2 outstanding');
    expect(JSON.stringify(body.blocks)).toContain('it moved to the Council');
  });
});
