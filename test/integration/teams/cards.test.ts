import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteSize, TEAMS_CARD_LIMIT_BYTES } from '../../../src/teams/cards/adaptive';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

const schema = JSON.parse(
  readFileSync(new URL('../../support/adaptive-card-1.5.schema.json', import.meta.url), 'utf8'),
);
const validate = new Ajv({ allErrors: true }).compile(schema);

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({ clock: () => new Date('2024-12-02T10:00:00Z') });
});
afterAll(() => world.close());

const ASKED = [
  '5.1',
  '5.1 share',
  'east lothian D10j',
  'east-lothian D10j',
  'overdue NHS Lothian',
  'due 60 days',
  'due next month',
  'list',
  'search carers',
  'history 5.1',
  'update 5.1',
  'update 5.1 sideways: ???',
  'help',
  '99.9',
  'report',
  'report 2023-24',
  'assign 5.1',
];

describe('every Teams card is Adaptive Card 1.5 and within Teams’ 28 KB', () => {
  for (const text of ASKED) {
    it(`"${text}" is answered with valid cards`, async () => {
      // Act
      const cards = await world.say(text);
      // Assess
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) {
        expect(validate(card) ? [] : validate.errors).toEqual([]);
        expect(byteSize(card)).toBeLessThanOrEqual(TEAMS_CARD_LIMIT_BYTES);
      }
    });
  }

  it('the schema refuses a card with a made-up property or a wrong version', () => {
    expect(
      validate({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'x', colour: 'Good' }],
      }),
    ).toBe(false);
    expect(validate({ type: 'AdaptiveCard', version: '1.6', body: [] })).toBe(false);
  });

  it('a long list is paged: More gives the next page', async () => {
    // Prepare
    const [first] = await world.say('list');
    const more = first.actions.find((action: { title: string }) => action.title === 'More');
    // Act
    const [second] = await world.say('', { value: more.data });
    // Assess
    expect(JSON.stringify(first)).toContain('Page 1 of');
    expect(JSON.stringify(second)).toContain('Page 2 of');
    expect(validate(second)).toBe(true);
  });
});
