import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../../support/harness';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

const LEAD = '0a0a0a0a-1111-4222-8333-444444444444';
const ADMIN_A = 'ad000001-1111-4222-8333-444444444444';
const ADMIN_B = 'ad000002-1111-4222-8333-444444444444';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({
    clock: () => new Date('2024-12-02T10:00:00Z'),
    env: { DIRECTIONS_ADMINS: `aad:${ADMIN_A},aad:${ADMIN_B},U0ADMIN01` },
  });
});
afterAll(() => world.close());

// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON
const buttons = (card: any): Array<{ title: string; data: Record<string, unknown> }> => card.actions ?? [];
// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON
const button = (card: any, title: string) => {
  const found = buttons(card).find((action) => action.title === title);
  if (!found) throw new Error(`no ${title} on ${JSON.stringify(card).slice(0, 300)}`);
  return found.data;
};

describe('Teams round trips on a stand-in Bot Connector', () => {
  it('looks up 5.1 in a personal chat: status, deadline, working days left, and the three buttons', async () => {
    // Act
    const [card] = await world.say('5.1', { aadObjectId: LEAD });
    // Assess
    const json = JSON.stringify(card);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(json).toContain('5.1 ·');
    expect(json).toMatch(/working days? left|overdue|due today/);
    expect(buttons(card).map((action) => action.title)).toEqual(['Update progress', 'History', 'Share']);
  });

  it('strips the @mention in a channel and answers what follows', async () => {
    // Act
    const [card] = await world.say('help', {
      mention: true,
      conversationType: 'channel',
      conversationId: '19:chan@thread.tacv2',
    });
    // Assess
    expect(JSON.stringify(card)).toContain('IJB Directions');
    expect(world.connector.posted.at(-1)?.conversationId).toBe('19:chan@thread.tacv2');
  });

  it('an admin updates 5.1 by card: the form shows a problem on its field, then saves; Slack sees it', async () => {
    // Prepare
    const [direction] = await world.say('5.1', { aadObjectId: ADMIN_A });
    const [form] = await world.say('', { aadObjectId: ADMIN_A, value: button(direction, 'Update progress') });
    const save = button(form, 'Save update');
    // Act: no text first, then a proper update
    const [again] = await world.say('', {
      aadObjectId: ADMIN_A,
      value: { ...save, status: 'at-risk', text: '' },
    });
    const [receipt] = await world.say('', {
      aadObjectId: ADMIN_A,
      value: { ...save, status: 'at-risk', text: 'Data sharing agreement with NHS Lothian not signed' },
    });
    // Assess
    const textBlock = again.body.findIndex((element: { id?: string }) => element.id === 'text');
    expect(again.body[textBlock + 1]).toMatchObject({
      color: 'Attention',
      text: 'Say what has happened since the last update',
    });
    expect(JSON.stringify(receipt)).toContain('Saved your update to **5.1**');
    expect(buttons(receipt).map((action) => action.title)).toEqual(['Edit', 'Undo']);
    const stored = await world.harness.store.getDirection('midlothian', '2023-24', '5.1');
    expect(stored?.status).toBe('at-risk');
    expect(stored?.latestUpdate?.by).toBe(`aad:${ADMIN_A}`);
    const slack = await world.harness.command('5.1', { userId: 'U0ADMIN01' });
    expect(visibleText(slack.body)).toContain('Data sharing agreement with NHS Lothian not signed');
  });

  it('a proposal of Achieved (5.2) is signed off by a second admin, never the proposer', async () => {
    // Prepare
    const cards = await world.say(
      'update 5.2 achieved: all actions complete, see https://example.org/report',
      {
        aadObjectId: ADMIN_A,
      },
    );
    const request = cards.find((card) => buttons(card).some((action) => action.title === 'Approve'));
    // Act
    const [self] = await world.say('', { aadObjectId: ADMIN_A, value: button(request, 'Approve') });
    const [second] = await world.say('', { aadObjectId: ADMIN_B, value: button(request, 'Approve') });
    // Assess
    expect(JSON.stringify(self)).toContain('Not saved');
    expect(JSON.stringify(second)).toContain('Approved the proposal for 5.2');
    const stored = await world.harness.store.getDirection('midlothian', '2023-24', '5.2');
    expect(stored?.status).toBe('achieved');
  });

  it('someone who is neither lead nor admin is refused and nothing is saved', async () => {
    // Prepare
    const before = await world.harness.store.getDirection('midlothian', '2023-24', '6.1');
    // Act
    const [card] = await world.say('update 6.1 on track: fine', { aadObjectId: LEAD });
    // Assess
    expect(JSON.stringify(card)).toContain('Not saved');
    const after = await world.harness.store.getDirection('midlothian', '2023-24', '6.1');
    expect(after?.latestUpdate).toEqual(before?.latestUpdate);
  });
});
