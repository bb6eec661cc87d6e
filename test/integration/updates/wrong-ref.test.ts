import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../../support/harness';
import { click } from '../../support/slack-payloads';
import { OTHER_CHANNEL, PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
});
afterAll(() => world.close());

const buttonValue = (body: unknown, actionId: string) => {
  const pattern = new RegExp(
    `"action_id":"${actionId.replace(/\./g, '\\.')}","value":"((?:[^"\\\\]|\\\\.)*)"`,
  );
  const found = JSON.stringify(body).match(pattern);
  if (!found?.[1]) throw new Error(`no ${actionId} button`);
  return JSON.parse(`"${found[1]}"`) as string;
};

describe('nothing typed is lost', () => {
  it('gives a wrong ref’s update back with the nearest refs as buttons that send it on', async () => {
    // Prepare
    const stored = (await world.storedUpdates('5.1')).length;
    // Act
    const { body } = await world.harness.command('update 5.9 green: dashboard live in 3 services', {
      userId: PEOPLE.lead,
      channelId: OTHER_CHANNEL,
    });
    // Assess: not saved, the text is back, and "Send it to 5.1" carries it on
    const text = visibleText(body);
    expect(text).toContain('there is no *5.9* in Midlothian 2023-24');
    expect(text).toContain('/direction update 5.9 green: dashboard live in 3 services');
    expect(text).toContain('Send it to 5.1');
    expect(await world.storedUpdates('5.1')).toHaveLength(stored);

    world.slack.requests.length = 0;
    const value = buttonValue(body, 'update.carry-on:5.1');
    await world.harness.interact(
      click({
        actionId: 'update.carry-on:5.1',
        value,
        userId: PEOPLE.lead,
        channel: OTHER_CHANNEL,
        responseUrl: world.slack.responseUrl,
      }),
    );
    const [saved] = await world.responses(1);
    expect(visibleText(saved)).toContain('*Saved* your update to *5.1*');
    expect(await world.storedUpdates('5.1')).toHaveLength(stored + 1);
    expect((await world.direction('5.1')).latestUpdate).toMatchObject({
      by: PEOPLE.lead,
      text: 'dashboard live in 3 services',
    });
  });

  it('undoes an update by typing `undo 5.1`, and refuses someone else’s', async () => {
    world.setNow(new Date('2024-12-02T11:00:00Z'));
    const before = (await world.direction('5.1')).status;
    await world.harness.command('report 5.1 at risk: analyst post vacant', {
      userId: PEOPLE.lead,
      channelId: OTHER_CHANNEL,
    });
    await world.harness.server.drain();
    expect((await world.direction('5.1')).status).toBe('at-risk');

    const other = visibleText((await world.harness.command('undo 5.1', { userId: PEOPLE.admin })).body);
    expect(other).toContain('is not yours');

    const undone = visibleText((await world.harness.command('5.1 undo', { userId: PEOPLE.lead })).body);
    expect(undone).toContain('*Undone.*');
    expect((await world.direction('5.1')).status).toBe(before);
  });
});
