import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsConversationStore } from '../../../src/store/teams-conversation-store';
import { TEAMS_APP_ID } from '../../support/teams';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld();
});
afterAll(() => world.close());

const bot = { id: `28:${TEAMS_APP_ID}`, name: 'IJB Directions' };
const installed = (conversationId: string, extra: Record<string, unknown>) => ({
  id: `${conversationId}-event`,
  channelId: 'msteams',
  serviceUrl: world.connector.url,
  from: { id: '29:installer', aadObjectId: '99999999-2222-4333-8444-555555555555' },
  conversation: { id: conversationId, conversationType: 'channel', tenantId: 'tenant-1' },
  recipient: bot,
  channelData: { channel: { id: conversationId, name: 'Data team' }, team: { id: 'team-1' } },
  ...extra,
});

describe('the bot remembers where it is installed (for the digest)', () => {
  it('keeps a channel’s conversation reference when the bot is added, and drops it when removed', async () => {
    // Prepare
    const store = createTeamsConversationStore(world.harness.db, world.harness.tableName);
    const id = `19:${Math.random().toString(36).slice(2)}@thread.tacv2`;
    // Act
    const added = await world.post(installed(id, { type: 'conversationUpdate', membersAdded: [bot] }));
    const kept = (await store.list()).find((conversation) => conversation.conversationId === id);
    const removed = await world.post(installed(id, { type: 'installationUpdate', action: 'remove' }));
    // Assess
    expect(added.status).toBe(200);
    expect(removed.status).toBe(200);
    expect(kept).toMatchObject({
      serviceUrl: world.connector.url,
      tenantId: 'tenant-1',
      channelName: 'Data team',
    });
    expect(kept?.reference).toMatchObject({ conversation: { id }, serviceUrl: world.connector.url });
    expect((await store.list()).some((conversation) => conversation.conversationId === id)).toBe(false);
  });

  it('an unsigned install is refused and stores nothing', async () => {
    // Prepare
    const store = createTeamsConversationStore(world.harness.db, world.harness.tableName);
    const id = `19:${Math.random().toString(36).slice(2)}@thread.tacv2`;
    // Act
    const answer = await world.post(installed(id, { type: 'conversationUpdate', membersAdded: [bot] }), null);
    // Assess
    expect(answer.status).toBe(401);
    expect((await store.list()).some((conversation) => conversation.conversationId === id)).toBe(false);
  });
});
