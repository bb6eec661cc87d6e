import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { click } from '../../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-20T10:00:00Z'));
});
afterAll(() => world.close());

const say = async (text: string, userId: string = PEOPLE.admin) => {
  const { body } = await world.harness.command(text, { userId });
  await world.harness.server.drain();
  return String(body?.text ?? '');
};

describe('a review round asks each lead by direct message', () => {
  it('shows the last update, and [No change] saves it again as the round’s return', async () => {
    await say('update 5.1 on track: HSCP split done for 3 services', PEOPLE.lead);
    world.slack.requests.length = 0;
    world.setNow(new Date('2023-11-27T10:00:00Z'));
    await say('review open "winter check" closes 15 Dec 2023 for 1.1 5.1');

    const asks = world.slack.posts().filter((post) => post.channel === PEOPLE.lead);
    expect(asks).toHaveLength(1);
    const ask = JSON.stringify(asks[0]?.blocks);
    expect(ask).toContain('Your last update (Mon 20 Nov 2023): HSCP split done for 3 services');
    const noChange = asks[0]?.blocks
      .flatMap((block: { elements?: { action_id?: string; value?: string }[] }) => block.elements ?? [])
      .find((element: { action_id?: string }) => element.action_id === 'review.no-change');
    expect(noChange).toBeDefined();
    expect(await say('review status')).toContain('0 returned, 2 outstanding');

    for (let press = 0; press < 2; press++) {
      const clicked = await world.harness.interact(
        click({
          actionId: 'review.no-change',
          value: noChange.value,
          userId: PEOPLE.lead,
          channel: 'D0LEAD001',
          responseUrl: world.slack.responseUrl,
        }),
      );
      expect(clicked.status).toBe(200);
      // The answer comes through response_url once the update is saved.
      await world.responses(press + 1);
    }
    const answers = await world.responses(2);
    expect(answers.map((answer) => answer.text)).toEqual([
      'Saved for 5.1: no change since Mon 20 Nov 2023.',
      'Already saved: no change on 5.1 for this round.',
    ]);
    const direction = await world.direction('5.1');
    expect(direction.status).toBe('on-track');
    expect(direction.latestUpdate?.text).toBe(
      'No change since Mon 20 Nov 2023: HSCP split done for 3 services',
    );
    // Pressed twice, saved once.
    expect(await world.storedUpdates('5.1')).toHaveLength(2);
    expect(await say('review status')).toContain('1 returned, 1 outstanding');
  });
});
