import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-27T10:00:00Z'));
});
afterAll(() => world.close());

const say = async (text: string, userId: string = PEOPLE.admin) => {
  const { body } = await world.harness.command(text, { userId });
  await world.harness.server.drain();
  return String(body?.text ?? '');
};

describe('/direction review in Slack', () => {
  it('opens a round, shows who owes a return, closes it; admins only', async () => {
    expect(await say('review open "2023-24 mid-year" closes 15 Dec 2023 for 1.1 5.1', PEOPLE.lead)).toContain(
      'Only IJB admins',
    );
    expect(await say('review open "2023-24 mid-year" closes 31 Feb 2023')).toContain(
      'cannot read "31 Feb 2023"',
    );
    expect(await say('review open "2023-24 mid-year" closes 15 Dec 2023 for 1.1 5.1')).toContain(
      'Opened "2023-24 mid-year" over 2 directions of 2023-24, closing Fri 15 Dec 2023',
    );
    await say('update 5.1 on track: HSCP split done for 3 services', PEOPLE.lead);
    const status = await say('review status', PEOPLE.lead);
    expect(status).toContain('1 returned, 1 outstanding');
    expect(status).toContain('no lead: 1.1');
    expect(await say('review extend 20 Dec 2023 because of the strike')).toContain(
      'now closes Wed 20 Dec 2023',
    );
    expect(await say('review close')).toContain('2 directions locked');
    expect(await say('review list')).toContain('2023-24 mid-year (2023-24) — closed');
  });
});
