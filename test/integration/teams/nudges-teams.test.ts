import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pacedPoster } from '../../../src/nudges/slack/posting';
import { type NudgeRunReport, runNudges } from '../../../src/nudges/slack/run';
import { digestPoster, teamsTakesWholeDigest } from '../../../src/product/nudge-posters';
import { seedRegister } from '../../../src/register/seed';
import { createTeamsConversationStore } from '../../../src/store/teams-conversation-store';
import { createTeamsAdapter } from '../../../src/teams/adapter';
import { byteSize, TEAMS_CARD_LIMIT_BYTES } from '../../../src/teams/cards/adaptive';
import { proactiveSender } from '../../../src/teams/proactive';
import { startTestDynamo } from '../../support/harness';
import { editDirection, londonTime, nudgeDeps } from '../../support/nudges';
import {
  type BotConnectorStandIn,
  StandInCredentials,
  startBotConnectorStandIn,
  TEAMS_APP_ID,
} from '../../support/teams';

const validate = new Ajv({ allErrors: true }).compile(
  JSON.parse(readFileSync(new URL('../../support/adaptive-card-1.5.schema.json', import.meta.url), 'utf8')),
);
const TEAM_CHANNEL = '19:care-at-home@thread.tacv2';
const DAY = '2024-01-31';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
let connector: BotConnectorStandIn;
let refs: string[];

beforeEach(async () => {
  data = await startTestDynamo();
  connector = await startBotConnectorStandIn();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  // Every Midlothian 2023-24 direction has the Teams channel as its team channel.
  const directions = await data.store.listDirections('midlothian', '2023-24');
  refs = directions.map((direction) => direction.ref);
  for (const ref of refs) await editDirection(data, ref, { channel: TEAM_CHANNEL });
  await createTeamsConversationStore(data.db, data.tableName).put({
    conversationId: TEAM_CHANNEL,
    serviceUrl: connector.url,
    installedAt: '2023-04-01T09:00:00.000Z',
    channelName: 'Care at home',
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.url,
      bot: { id: `28:${TEAMS_APP_ID}`, name: 'IJB Directions' },
      conversation: { id: TEAM_CHANNEL, conversationType: 'channel', tenantId: 'tenant-1' },
    },
  });
});
afterEach(async () => {
  await connector.close();
  await data.close();
});

/** The run's Teams poster on the stand-in connector, paced on a virtual clock: waits are recorded, not slept. */
function teamsPoster() {
  let virtual = 0;
  const waits: number[] = [];
  const adapter = createTeamsAdapter({
    appId: TEAMS_APP_ID,
    openIdMetadataUrl: 'http://127.0.0.1:9/unused',
    outbound: new StandInCredentials(),
  });
  const installs = createTeamsConversationStore(data.db, data.tableName);
  const poster = pacedPoster(
    digestPoster(undefined, { send: proactiveSender(adapter, TEAMS_APP_ID), installs }),
    {
      now: () => virtual,
      sleep: async (ms) => {
        waits.push(ms);
        virtual += ms;
      },
    },
  );
  return { poster, waits };
}

const run = (poster = teamsPoster().poster) =>
  runNudges(
    {
      ...nudgeDeps(data, { poster, clock: () => londonTime(DAY, 7, 30) }),
      wholeDigest: teamsTakesWholeDigest,
    },
    { day: DAY },
  );
const digestOf = (report: NudgeRunReport) => report.digests.find((d) => d.channel === TEAM_CHANNEL);
const cards = () =>
  connector.posted.flatMap((posted) =>
    // biome-ignore lint/suspicious/noExplicitAny: Bot Framework JSON
    (posted.activity.attachments ?? []).map((a: any) => a.content),
  );

describe('the daily digest in a Teams channel', () => {
  it('posts the whole digest as one Adaptive Card to the conversation, valid and within 28 KB', async () => {
    // Act
    const report = await run();
    // Assess
    const digest = digestOf(report);
    expect(digest?.outcome).toBe('posted');
    expect(digest?.messages).toBe(1);
    expect(connector.posted.map((p) => p.conversationId)).toEqual([TEAM_CHANNEL]);
    const [card] = cards();
    expect(validate(card) ? [] : validate.errors).toEqual([]);
    expect(byteSize(card)).toBeLessThanOrEqual(TEAMS_CARD_LIMIT_BYTES);
    const shown = JSON.stringify(card);
    for (const item of digest?.items ?? []) expect(shown).toContain(`**${item.ref}**`);
    expect(connector.posted[0]?.authorization).toBe('Bearer stand-in-bot-token');
  });

  it('posts it once when two runs for the same day race', async () => {
    // Act
    const reports = await Promise.all([run(), run()]);
    // Assess
    expect(connector.posted).toHaveLength(1);
    expect(reports.map((r) => digestOf(r)?.outcome).sort()).toEqual(['posted', 'taken']);
    // And a rerun the same day sends nothing more.
    expect(digestOf(await run())?.outcome).toBe('already-sent');
    expect(connector.posted).toHaveLength(1);
  });

  it('waits out a 429’s Retry-After, then posts', async () => {
    // Prepare
    connector.throttle(1, 7);
    const { poster, waits } = teamsPoster();
    // Act
    const report = await run(poster);
    // Assess
    expect(digestOf(report)?.outcome).toBe('posted');
    expect(waits).toContain(7_000);
    expect(connector.posted).toHaveLength(1);
  });

  it('gives up after three 429s and leaves the digest failed, so the next run sends it', async () => {
    // Prepare
    connector.throttle(3, 1);
    // Act
    const first = await run();
    const second = await run();
    // Assess
    expect(digestOf(first)?.outcome).toBe('failed');
    expect(digestOf(first)?.error).toMatch(/rate-limited/);
    expect(digestOf(second)?.outcome).toBe('posted');
    expect(connector.posted).toHaveLength(1);
  });

  it('keeps the digest failed, not lost, when the bot is not installed in the channel', async () => {
    // Prepare
    await createTeamsConversationStore(data.db, data.tableName).remove(TEAM_CHANNEL);
    // Act
    const report = await run();
    // Assess
    expect(digestOf(report)?.outcome).toBe('failed');
    expect(digestOf(report)?.error).toMatch(/not installed/);
    expect(connector.posted).toHaveLength(0);
  });
});
