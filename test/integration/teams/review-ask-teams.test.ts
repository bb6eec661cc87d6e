import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity, TEAMS_APP_ID } from '../../support/teams';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

const SLACK_ADMIN = 'U0ADMIN01';
const TEAMS_ADMIN = 'ad0000a5-1111-4222-8333-444444444444';
const JANE = '0a0a0a0a-1111-4222-8333-000000000a0e';
const CHANNEL = '19:older-people@thread.tacv2';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({
    clock: () => new Date('2023-11-27T10:00:00Z'),
    env: { DIRECTIONS_ADMINS: `${SLACK_ADMIN},aad:${TEAMS_ADMIN}` },
  });
});
afterAll(() => world.close());

const bot = { id: `28:${TEAMS_APP_ID}`, name: 'IJB Directions' };
// biome-ignore lint/suspicious/noExplicitAny: Bot Framework JSON
const cardsIn = (conversationId: string): any[] =>
  world.connector.posted
    .filter((posted) => posted.conversationId === conversationId)
    .flatMap((posted) => (posted.activity.attachments ?? []).map((a: { content: unknown }) => a.content));

describe('a review round asks a Teams lead', () => {
  it('in their personal chat with the bot, once however often the ask job runs', async () => {
    // Prepare: Jane opened a chat with the bot, and a Teams admin made her the lead of 5.1.
    const installed = await world.post({
      type: 'installationUpdate',
      action: 'add',
      id: 'install-jane',
      channelId: 'msteams',
      serviceUrl: world.connector.url,
      from: { id: `29:${JANE}`, aadObjectId: JANE },
      conversation: { id: `a:chat-${JANE}`, conversationType: 'personal', tenantId: 'tenant-1' },
      recipient: bot,
    });
    expect(installed.status).toBe(200);
    const assign = messageActivity(world.connector.url, 'assign 5.1 <at>Jane</at>', {
      aadObjectId: TEAMS_ADMIN,
      conversationId: `${CHANNEL};messageid=1`,
      conversationType: 'channel',
      mention: true,
    });
    const jane = { id: `29:${JANE}`, name: 'Jane', aadObjectId: JANE };
    await world.post({
      ...assign,
      entities: [
        ...((assign.entities as unknown[]) ?? []),
        { type: 'mention', text: '<at>Jane</at>', mentioned: jane },
      ],
      recipient: bot,
      channelData: { team: { id: CHANNEL }, channel: { id: CHANNEL }, tenant: { id: 'tenant-1' } },
    });
    expect((await world.harness.store.getDirection('midlothian', '2023-24', '5.1'))?.leads).toEqual([
      `aad:${JANE}`,
    ]);

    // Act: the Slack admin opens the round; the ask job runs, and Slack retries the command.
    const open = 'review open "winter check" closes 15 Dec 2023 for 5.1';
    await world.harness.command(open, { userId: SLACK_ADMIN });
    await world.harness.server.drain();
    await world.harness.command(open, { userId: SLACK_ADMIN }); // typed twice: one round, one ask
    await world.harness.server.drain();

    // Assess: one ask, in Jane's chat.
    const asks = cardsIn(`a:chat-${JANE}`).filter((card) => JSON.stringify(card).includes('winter check'));
    expect(asks).toHaveLength(1);
    expect(JSON.stringify(asks[0])).toContain('5.1');
  });
});
