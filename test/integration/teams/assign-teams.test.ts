import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, TEAMS_APP_ID } from '../../support/teams';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

const ADMIN = 'ad0000a5-1111-4222-8333-444444444444';
const JANE = '0a0a0a0a-1111-4222-8333-00000000ja0e';
const OMAR = '0b0b0b0b-1111-4222-8333-00000000o0ar';
const CHANNEL = '19:older-people@thread.tacv2';
/** A team's id is its General channel's conversation id. */
const TEAM = '19:partnership-general@thread.tacv2';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({
    clock: () => new Date('2024-12-02T10:00:00Z'),
    env: { DIRECTIONS_ADMINS: `aad:${ADMIN}` },
  });
  // Teams does not always put the AAD id in a mention: the bot asks the connector for Omar.
  world.connector.addMember(TEAM, { id: `29:${OMAR}`, aadObjectId: OMAR, name: 'Omar' });
});
afterAll(() => world.close());

const bot = { id: `28:${TEAMS_APP_ID}`, name: 'IJB Directions' };
/** `@IJB Directions assign 5.1 @Jane @Omar here`, as Teams sends it from a channel. */
function assignActivity(
  text: string,
  people: { id: string; name: string; aadObjectId?: string }[],
  from = ADMIN,
) {
  const activity = messageActivity(world.connector.url, text, {
    aadObjectId: from,
    conversationId: `${CHANNEL};messageid=1733133600000`,
    conversationType: 'channel',
    mention: true,
  });
  const entities = [
    ...((activity.entities as unknown[]) ?? []),
    ...people.map((person) => ({ type: 'mention', text: `<at>${person.name}</at>`, mentioned: person })),
  ];
  const channelData = { team: { id: TEAM }, channel: { id: CHANNEL }, tenant: { id: 'tenant-1' } };
  return { ...activity, entities, recipient: bot, channelData };
}
const cardsOf = async (activity: Record<string, unknown>) => {
  const before = world.connector.posted.length;
  const answer = await world.post(activity);
  expect(answer.status).toBe(200);
  await world.harness.server.drain();
  return world.connector.posted
    .slice(before)
    .map((p) => JSON.stringify(p.activity.attachments?.[0]?.content));
};

describe('assign 5.1 @person in Teams', () => {
  it('resolves mentions to aad: leads (from the entity, or asked of the connector) and makes “here” the team channel', async () => {
    // Act
    const [answer] = await cardsOf(
      assignActivity('assign 5.1 <at>Jane</at> <at>Omar</at> here', [
        { id: `29:${JANE}`, name: 'Jane', aadObjectId: JANE },
        { id: `29:${OMAR}`, name: 'Omar' },
      ]),
    );
    // Assess
    expect(answer).toContain('this channel is its team channel');
    const direction = await world.harness.store.getDirection('midlothian', '2023-24', '5.1');
    expect(direction?.leads).toEqual([`aad:${JANE}`, `aad:${OMAR}`]);
    expect(direction?.channel).toBe(CHANNEL);
  });

  it('says who it cannot tell, and changes nothing', async () => {
    // Prepare
    const before = await world.harness.store.getDirection('midlothian', '2023-24', '5.2');
    // Act
    const [answer] = await cardsOf(
      assignActivity('assign 5.2 <at>Nobody</at>', [{ id: '29:unknown-person', name: 'Nobody' }]),
    );
    // Assess
    expect(answer).toContain('I cannot tell who Nobody is');
    expect((await world.harness.store.getDirection('midlothian', '2023-24', '5.2'))?.leads).toEqual(
      before?.leads,
    );
  });

  it('refuses someone who is not an IJB admin', async () => {
    // Act
    const [answer] = await cardsOf(
      assignActivity(
        'assign 5.3 <at>Jane</at>',
        [{ id: `29:${JANE}`, name: 'Jane', aadObjectId: JANE }],
        JANE,
      ),
    );
    // Assess
    expect(answer).toMatch(/admin/i);
    expect(
      (await world.harness.store.getDirection('midlothian', '2023-24', '5.3'))?.leads ?? [],
    ).not.toContain(`aad:${JANE}`);
  });
});
