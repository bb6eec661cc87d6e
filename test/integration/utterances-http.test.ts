import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, visibleText } from '../support/harness';
import { UTTERANCES } from '../support/utterances';

// 20 Nov 2023, 10:00 in Edinburgh: the shipped 2023-24 register as officers saw it.
const NOW = new Date('2023-11-20T10:00:00Z');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ clock: () => NOW });
});
afterAll(() => harness.close());

const SAMPLE = UTTERANCES.filter((row) => row.reply !== undefined);

describe('what officers type, answered through signed HTTP', () => {
  it('checks a sample of at least 40 rows end to end', () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SAMPLE.map((row) => [JSON.stringify(row.say).slice(0, 60), row] as const))('%s', async (_, row) => {
    const { status, body } = await harness.command(row.say);
    expect(status).toBe(200);
    expect(visibleText(body)).toContain(row.reply);
  });
});
