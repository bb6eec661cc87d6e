import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLambdaEnv } from '../../../src/aws/lambda-config';
import { createObservability } from '../../../src/aws/observability';
import { createWorkerHandler } from '../../../src/aws/worker';
import { seedRegister } from '../../../src/register/seed';
import { createTeamsConversationStore } from '../../../src/store/teams-conversation-store';
import { createUpdateStore } from '../../../src/store/update-store';
import { PUBLISH_JOB } from '../../../src/updates/publish-job';
import { startTestDynamo, TEST_SECRET } from '../../support/harness';
import { startSlackStandIn } from '../../support/slack-stand-in';
import {
  type BotConnectorStandIn,
  StandInCredentials,
  startBotConnectorStandIn,
  TEAMS_APP_ID,
} from '../../support/teams';

const ADMIN_A = 'ad00000a-1111-4222-8333-444444444444';
const ADMIN_B = 'ad00000b-1111-4222-8333-444444444444';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
let connector: BotConnectorStandIn;
let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let handler: ReturnType<typeof createWorkerHandler>;

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'), data.imports);
  connector = await startBotConnectorStandIn();
  slack = await startSlackStandIn();
  const env = loadLambdaEnv({
    TABLE_NAME: data.tableName,
    AWS_REGION: 'eu-west-2',
    SLACK_SIGNING_SECRET: TEST_SECRET,
    SLACK_API_URL: `${slack.url}/api/`,
    LOG_LEVEL: 'error',
    TEAMS_APP_ID,
    DIRECTIONS_ADMINS: `aad:${ADMIN_A},aad:${ADMIN_B}`,
  });
  handler = createWorkerHandler({
    env,
    secrets: { signingSecret: TEST_SECRET, botToken: 'xoxb-test', botId: 'B1', botUserId: 'U1' },
    db: data.db,
    observability: createObservability('worker', 'error'),
    teamsSecret: { appPassword: 'stand-in' },
    teamsOutbound: new StandInCredentials(),
  });
});
afterAll(async () => {
  await data.close();
  await slack.close();
  await connector.close();
});

describe('the worker function, with a Teams app', () => {
  it('asks a Teams admin to sign off in their personal chat, from the deferred publish job', async () => {
    // Prepare: admin B opened a chat with the bot; admin A proposed 5.1 Achieved.
    const chat = `a:chat-${ADMIN_B}`;
    await createTeamsConversationStore(data.db, data.tableName).putPersonal(`aad:${ADMIN_B}`, {
      conversationId: chat,
      serviceUrl: connector.url,
      installedAt: '2024-12-01T09:00:00.000Z',
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        bot: { id: `28:${TEAMS_APP_ID}`, name: 'IJB Directions' },
        user: { id: `29:${ADMIN_B}`, aadObjectId: ADMIN_B },
        conversation: { id: chat, conversationType: 'personal', tenantId: 'tenant-1' },
      },
    });
    await createUpdateStore(data.db, data.tableName).create({
      id: 'proposal-1',
      ijbId: 'midlothian',
      planYear: '2023-24',
      ref: '5.1',
      at: '2024-12-02T10:05:00.000Z',
      by: `aad:${ADMIN_A}`,
      via: 'form',
      revision: 1,
      status: 'achieved',
      text: 'data disaggregated by HSCP area',
      evidence: ['https://example.org/dashboard'],
      signOff: { state: 'pending' },
    });
    // Act: the job as the Teams function defers it.
    const payload = {
      ijbId: 'midlothian',
      planYear: '2023-24',
      ref: '5.1',
      event: 'saved',
      id: 'proposal-1',
    };
    await handler({ job: { kind: PUBLISH_JOB, payload }, enqueuedAt: '2024-12-02T10:05:01Z' }, {});
    // Assess: the request reached B's chat in Teams, and nothing was sent to Slack for an aad: id.
    const cards = connector.posted
      .filter((posted) => posted.conversationId === chat)
      .map((posted) => JSON.stringify(posted.activity.attachments?.[0]?.content));
    expect(cards.some((card) => card.includes('Sign-off: 5.1'))).toBe(true);
    expect(slack.posts().filter((post) => String(post.channel).startsWith('aad:'))).toEqual([]);
  });
});
