import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, visibleText } from '../support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { DIRECTIONS_ADMINS: 'U0ADMIN' } });
});
afterAll(() => harness.close());

const LONG_REF = `5.${'1'.repeat(1_100)}`;

describe('an over-long input', () => {
  it.each([
    [`history ${LONG_REF}`, 'too long for a ref'],
    [`update ${LONG_REF}`, ':raising_hand:'],
    [`assign ${LONG_REF} <@U0LEAD>`, ':raising_hand:'],
  ])('gets a plain "too long" answer to /direction %s, never "try again"', async (text, answer) => {
    const { status, body } = await harness.command(text, { userId: 'U0ADMIN' });
    expect(status).toBe(200);
    const said = visibleText(body);
    expect(said).toContain(answer);
    expect(said).not.toMatch(/did not work just now|try again/i);
  });

  it('answers a long ref typed alone the same way, without reading the table', async () => {
    const said = visibleText((await harness.command(LONG_REF.slice(0, 1_000))).body);
    expect(said).toContain(':raising_hand:');
    expect(said).not.toMatch(/did not work just now|try again/i);
  });
});
