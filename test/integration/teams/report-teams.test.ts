import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({ clock: () => new Date('2024-12-02T10:00:00Z') });
});
afterAll(() => world.close());

// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON
const factsOf = (card: any): Array<{ title: string; value: string }> =>
  // biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON
  card.body.filter((element: any) => element.type === 'FactSet').flatMap((set: any) => set.facts);

describe('report in Teams: the board paper as a summary card', () => {
  it('counts the year’s directions by outcome, with overdue, no update and signed off', async () => {
    // Prepare
    const directions = await world.harness.store.listDirections('midlothian', '2023-24');
    // Act
    const [card] = await world.say('report 2023-24');
    // Assess
    const json = JSON.stringify(card);
    expect(json).toContain('The board paper for 2023-24');
    expect(json).toContain(`**${directions.length} directions**`);
    const facts = factsOf(card);
    const named = new Set(['Overdue', 'No update', 'Signed off']);
    const byOutcome = facts.filter((fact) => !named.has(fact.title));
    expect(byOutcome.reduce((sum, fact) => sum + Number(fact.value), 0)).toBe(directions.length);
    expect(facts.map((fact) => fact.title)).toEqual(expect.arrayContaining([...named]));
  });

  it('says so when the year has no directions, rather than an empty paper', async () => {
    // Act
    const [empty] = await world.say('report 2031-32');
    // Assess
    expect(JSON.stringify(empty)).not.toContain('The board paper for');
    expect(JSON.stringify(empty)).toMatch(/2031-32/);
  });
});
