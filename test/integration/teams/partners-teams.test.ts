import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

const ADMIN = 'ad000009-1111-4222-8333-444444444444';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({
    clock: () => new Date('2024-12-02T10:00:00Z'),
    env: { DIRECTIONS_ADMINS: `aad:${ADMIN},U0ADMIN01` },
  });
});
afterAll(() => world.close());

// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON
const button = (card: any, title: string) =>
  card.actions.find((a: { title: string }) => a.title === title).data;

describe('Teams: an update on behalf of a partner', () => {
  it('asks “On behalf of” on the card form for a direction issued to both, and saves for the body chosen', async () => {
    // Prepare
    const [direction] = await world.say('6.2', { aadObjectId: ADMIN });
    const [form] = await world.say('', { aadObjectId: ADMIN, value: button(direction, 'Update progress') });
    const asked = form.body.find((element: { id?: string }) => element.id === 'body');
    expect(asked.label).toBe('On behalf of');
    expect(asked.choices.map((choice: { title: string }) => choice.title)).toEqual([
      'NHS Lothian',
      'Midlothian Council',
    ]);
    // Act
    await world.say('', {
      aadObjectId: ADMIN,
      value: {
        ...button(form, 'Save update'),
        body: 'council',
        status: 'off-track',
        text: 'No council budget',
      },
    });
    // Assess
    const stored = await world.harness.store.getDirection('midlothian', '2023-24', '6.2');
    expect(stored?.latestUpdate?.body).toBe('council');
    expect(stored?.bodies?.council?.status).toBe('off-track');
    expect(stored?.status).toBe('off-track');
    const [card] = await world.say('6.2', { aadObjectId: ADMIN });
    expect(JSON.stringify(card)).toContain('Midlothian Council: Off track');
  });
});
