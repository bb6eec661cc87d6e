import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../src/understanding/parse';
import { UTTERANCES } from '../support/utterances';

describe('what officers type, understood', () => {
  it('holds at least 150 utterances, each said once', () => {
    expect(UTTERANCES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(UTTERANCES.map((row) => row.say)).size).toBe(UTTERANCES.length);
  });

  it.each(UTTERANCES.map((row) => [JSON.stringify(row.say).slice(0, 60), row] as const))('%s', (_, row) => {
    expect(parseIntent(row.say, { commands: ['sign-offs'] })).toMatchObject(row.means);
  });
});
