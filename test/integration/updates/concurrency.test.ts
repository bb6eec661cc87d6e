import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../../support/harness';
import { click } from '../../support/slack-payloads';
import { startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
});
afterAll(() => world.close());

const STATUSES = ['on track', 'at risk', 'off track', 'not started'] as const;
const STATUS_IDS: Record<string, string> = {
  'on track': 'on-track',
  'at risk': 'at-risk',
  'off track': 'off-track',
  'not started': 'not-started',
};

describe('50 updates to one direction at the same moment', () => {
  it('keeps all 50, shows all 50 in the history, and the status is the latest update’s', async () => {
    // Prepare: every request reads the clock at its own instant, in no order related to arrival
    const base = Date.UTC(2024, 11, 2, 11, 0, 0);
    world.setClock(() => new Date(base + Math.floor(Math.random() * 600_000)));
    const harness = world.harness;
    const sends = Array.from({ length: 50 }, (_, index) => {
      const words = STATUSES[index % STATUSES.length] as string;
      return {
        user: `U0TEAM${String(index).padStart(3, '0')}`,
        text: `update 5.1 ${words}: report number ${index}`,
      };
    });

    // Act
    const replies = await Promise.all(
      sends.map(async (send) => {
        return harness.command(send.text, {
          userId: send.user,
          channelId: TEAM_CHANNEL,
          responseUrl: world.slack.responseUrl,
          triggerId: `trigger.${send.user}`,
        });
      }),
    );
    await harness.server.drain();
    world.setNow(new Date(base + 600_000));

    // Assess: 50 told "saved" — in the ack, or (when this 2-core machine is slower than the ack
    // budget) through response_url after a "Working on it…" ack — and 50 stored
    const late = replies.filter((reply) => !visibleText(reply.body).includes('*Saved*'));
    expect(late.every((reply) => reply.body.text.includes('Working on it'))).toBe(true);
    const delivered = late.length > 0 ? await world.responses(late.length) : [];
    expect(delivered.filter((body) => visibleText(body).includes('*Saved*'))).toHaveLength(late.length);
    const stored = await world.storedUpdates('5.1');
    expect(stored).toHaveLength(50);

    // The status is the latest update's, by time (then id), whatever order the writes landed in
    const order = (item: Record<string, unknown>) => `${item.at}#${item.id}`;
    const latest = [...stored].sort((a, b) => (order(a) < order(b) ? 1 : -1))[0] as {
      id: string;
      status: string;
      text: string;
    };
    const direction = await world.direction('5.1');
    expect(direction.latestUpdate?.id).toBe(latest.id);
    expect(direction.status).toBe(latest.status);
    expect(Object.values(STATUS_IDS)).toContain(direction.status);

    // The history, paged with its Older button, shows all 50, newest first
    world.slack.requests.length = 0;
    let page = (await harness.command('history 5.1', { userId: 'U0TEAM000' })).body;
    const seen: string[] = [];
    for (let pages = 1; ; pages++) {
      seen.push(
        ...[...visibleText(page).matchAll(/report number (\d+)/g)].map((match) => match[1] as string),
      );
      const older = JSON.stringify(page).match(
        /"action_id":"update\.history\.older","value":"((?:[^"\\]|\\.)*)"/,
      )?.[1];
      if (!older) break;
      await harness.interact(
        click({
          actionId: 'update.history.older',
          value: JSON.parse(`"${older}"`),
          userId: 'U0TEAM000',
          responseUrl: world.slack.responseUrl,
        }),
      );
      page = (await world.responses(pages)).at(-1);
      expect(page.replace_original).toBe(true);
    }
    expect(new Set(seen).size).toBe(50);
    expect(seen[0]).toBe(latest.text.replace('report number ', ''));
  });
});
