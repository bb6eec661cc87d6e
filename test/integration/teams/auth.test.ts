import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../../support/teams';
import { startTeamsWorld, type TeamsWorld } from './teams-world';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld();
});
afterAll(() => world.close());

const hour = 3600;
const now = () => Math.floor(Date.now() / 1000);

describe('every Teams activity is authenticated (Bot Framework JWT, local key set)', () => {
  it('answers an activity signed by a trusted key for this app', async () => {
    // Act
    const cards = await world.say('5.1');
    // Assess
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0])).toContain('5.1');
    expect(world.connector.posted.at(-1)?.authorization).toBe('Bearer stand-in-bot-token');
  });

  const refused: Array<[string, () => string | null]> = [
    ['no token at all', () => null],
    ['a forged signature', () => world.keys.token({}, { key: 'forged' })],
    [
      'an expired token',
      () => world.keys.token({ iat: now() - 3 * hour, nbf: now() - 3 * hour, exp: now() - 2 * hour }),
    ],
    ['a token for another app (wrong audience)', () => world.keys.token({ aud: 'another-app-id' })],
    ['a token from another issuer', () => world.keys.token({ iss: 'https://issuer.example.net' })],
  ];

  for (const [what, token] of refused) {
    it(`refuses ${what} with 401 before any handler runs`, async () => {
      // Prepare
      const posted = world.connector.posted.length;
      const reads = world.storeCalls();
      // Act
      const answer = await world.post(messageActivity(world.connector.url, '5.1'), token());
      await world.harness.server.drain();
      // Assess
      expect(answer.status).toBe(401);
      expect(world.storeCalls()).toBe(reads);
      expect(world.connector.posted.length).toBe(posted);
    });
  }
});

describe('the development key set', () => {
  it('is not served (so not trusted) when the server runs with real credentials', async () => {
    // Act
    const answer = await fetch(
      `http://127.0.0.1:${world.harness.server.port}/api/dev-openid/.well-known/openidconfiguration`,
    );
    // Assess
    expect(answer.status).toBe(404);
  });
});
