import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../../src/teams/understand';
import { UTTERANCES } from '../../support/utterances';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

// 20 Nov 2023, 10:00 in Edinburgh: the day the Slack utterance test answers on.
const NOW = new Date('2023-11-20T10:00:00Z');
let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({ clock: () => NOW });
});
afterAll(() => world.close());

/** What a person reads on a card: its text blocks, facts and buttons, unescaped. */
// biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON
function cardText(card: any): string {
  const out: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON
  const walk = (value: any) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    for (const key of ['text', 'title', 'value']) if (typeof value[key] === 'string') out.push(value[key]);
    for (const child of Object.values(value)) if (typeof child === 'object') walk(child);
  };
  walk(card);
  return out.join('\n').replace(/\\([\\*_[\]`#>])/g, '$1');
}

describe('the utterance table through Teams: the same understanding as Slack', () => {
  it.each(UTTERANCES.map((row) => [JSON.stringify(row.say).slice(0, 60), row] as const))('%s', (_, row) => {
    expect(understand(row.say)).toMatchObject(row.means);
  });

  // Replies that name Slack's own syntax (`/direction …`, Slack's @ suggestions, its help's
  // "coming soon") are surface wording, not understanding: Teams says them its own way.
  const SLACK_WORDING = /\/direction|Slack|coming soon/;
  const SAMPLE = UTTERANCES.filter((row) => row.reply !== undefined && !SLACK_WORDING.test(row.reply));
  it.each(SAMPLE.map((row) => [JSON.stringify(row.say).slice(0, 60), row] as const))(
    'signed activity %s is answered with what Slack answers',
    async (_, row) => {
      const cards = await world.say(row.say);
      expect(cards.map(cardText).join('\n')).toContain(row.reply);
    },
  );
});
