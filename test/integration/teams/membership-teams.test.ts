import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsConversationStore } from '../../../src/store/teams-conversation-store';
import { editDirection } from '../../support/nudges';
import { TEAMS_APP_ID } from '../../support/teams';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

const CHANNEL = '19:community-health@thread.tacv2';
const MEMBER = '0c0c0c0c-1111-4222-8333-0000000000aa';
const OUTSIDER = '0d0d0d0d-1111-4222-8333-0000000000bb';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({ clock: () => new Date('2024-12-02T10:00:00Z') });
  const { db, tableName, store } = world.harness;
  await editDirection({ db, tableName, store }, '6.1', { channel: CHANNEL, leads: [] });
  await createTeamsConversationStore(db, tableName).put({
    conversationId: CHANNEL,
    serviceUrl: world.connector.url,
    installedAt: '2024-04-01T09:00:00.000Z',
    reference: {
      channelId: 'msteams',
      serviceUrl: world.connector.url,
      bot: { id: `28:${TEAMS_APP_ID}`, name: 'IJB Directions' },
      conversation: { id: CHANNEL, conversationType: 'channel', tenantId: 'tenant-1' },
    },
  });
  world.connector.addMember(CHANNEL, { id: `29:${MEMBER}`, aadObjectId: MEMBER, name: 'Member' });
});
afterAll(() => world.close());

describe('members of a direction’s Teams channel may update it, asked of the Bot Connector', () => {
  it('saves an update from a member of the channel (neither lead nor admin), typed in a personal chat', async () => {
    // Act
    const [card] = await world.say('update 6.1 on track: community clinics open', { aadObjectId: MEMBER });
    // Assess
    expect(JSON.stringify(card)).toContain('Saved');
    const stored = await world.harness.store.getDirection('midlothian', '2023-24', '6.1');
    expect(stored?.latestUpdate?.by).toBe(`aad:${MEMBER}`);
  });

  it('refuses someone the connector does not know in that channel, and saves nothing', async () => {
    // Prepare
    const before = await world.harness.store.getDirection('midlothian', '2023-24', '6.1');
    // Act
    const [card] = await world.say('update 6.1 off track: not mine to say', { aadObjectId: OUTSIDER });
    // Assess
    expect(JSON.stringify(card)).toContain('Not saved');
    const after = await world.harness.store.getDirection('midlothian', '2023-24', '6.1');
    expect(after?.latestUpdate).toEqual(before?.latestUpdate);
  });
});
