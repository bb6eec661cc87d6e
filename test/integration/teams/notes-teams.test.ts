import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEAMS_APP_ID } from '../../support/teams';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

const ADMIN_A = 'ad00000a-1111-4222-8333-444444444444';
const ADMIN_B = 'ad00000b-1111-4222-8333-444444444444';
/** An admin who never opened a chat with the bot: Teams lets no bot message them first. */
const ADMIN_C = 'ad00000c-1111-4222-8333-444444444444';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({
    clock: () => new Date('2024-12-02T10:00:00Z'),
    env: { DIRECTIONS_ADMINS: `aad:${ADMIN_A},aad:${ADMIN_B},aad:${ADMIN_C}` },
  });
});
afterAll(() => world.close());

const bot = { id: `28:${TEAMS_APP_ID}`, name: 'IJB Directions' };
/** The personal app installed by one person: Teams opens a 1:1 chat and tells the bot. */
const installPersonal = (aadObjectId: string) =>
  world.post({
    type: 'installationUpdate',
    action: 'add',
    id: `install-${aadObjectId}`,
    channelId: 'msteams',
    serviceUrl: world.connector.url,
    from: { id: `29:${aadObjectId}`, aadObjectId },
    conversation: { id: `a:chat-${aadObjectId}`, conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: bot,
  });
// biome-ignore lint/suspicious/noExplicitAny: Bot Framework JSON
const cardsIn = (conversationId: string): any[] =>
  world.connector.posted
    .filter((posted) => posted.conversationId === conversationId)
    .flatMap((posted) => (posted.activity.attachments ?? []).map((a: { content: unknown }) => a.content));
// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON
const approve = (card: any) => card.actions.find((a: { title: string }) => a.title === 'Approve').data;

describe('notes to Teams users go to their personal chat', () => {
  it('asks the other admins to sign off in Teams, says nothing to the proposer, and skips one who never opened a chat', async () => {
    // Prepare
    expect((await installPersonal(ADMIN_A)).status).toBe(200);
    expect((await installPersonal(ADMIN_B)).status).toBe(200);
    // Act: A proposes Achieved in a channel; the publish job runs after the answer.
    await world.say('update 5.2 achieved: all actions complete, see https://example.org/report', {
      aadObjectId: ADMIN_A,
      conversationId: '19:planning@thread.tacv2',
      conversationType: 'channel',
      mention: true,
    });
    // Assess
    const [request] = cardsIn(`a:chat-${ADMIN_B}`);
    expect(JSON.stringify(request)).toContain('Sign-off: 5.2');
    expect(approve(request)).toMatchObject({ action: 'approve', ref: '5.2' });
    expect(cardsIn(`a:chat-${ADMIN_A}`)).toEqual([]);
    expect(world.connector.posted.some((p) => p.conversationId.includes(ADMIN_C))).toBe(false);

    // Act: B approves from the card in their chat; A hears the decision in theirs.
    const [answer] = await world.say('', {
      aadObjectId: ADMIN_B,
      conversationId: `a:chat-${ADMIN_B}`,
      value: approve(request),
    });
    // Assess
    expect(JSON.stringify(answer)).toContain('Approved the proposal for 5.2');
    const [decided] = cardsIn(`a:chat-${ADMIN_A}`);
    expect(JSON.stringify(decided)).toMatch(/approved your proposal to mark 5\.2 Achieved/);
    expect((await world.harness.store.getDirection('midlothian', '2023-24', '5.2'))?.status).toBe('achieved');
  });
});
