import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLambdaEnv } from '../../../src/aws/lambda-config';
import { createTeamsLambdaHandler } from '../../../src/aws/teams-lambda';
import { seedRegister } from '../../../src/register/seed';
import { createInProcessQueue } from '../../../src/work/job-queue';
import { startTestDynamo } from '../../support/harness';
import {
  type BotConnectorStandIn,
  type KeySet,
  messageActivity,
  StandInCredentials,
  startBotConnectorStandIn,
  startKeySet,
  TEAMS_APP_ID,
} from '../../support/teams';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
let connector: BotConnectorStandIn;
let keys: KeySet;
let handler: ReturnType<typeof createTeamsLambdaHandler>;

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'), data.imports);
  connector = await startBotConnectorStandIn();
  keys = await startKeySet(() => connector.url);
  const env = loadLambdaEnv({
    TABLE_NAME: data.tableName,
    AWS_REGION: 'eu-west-2',
    AWS_ENDPOINT_URL_DYNAMODB: data.dynamo.endpoint,
    TEAMS_APP_ID,
    TEAMS_APP_PASSWORD: 'not-used-with-a-stand-in',
    TEAMS_OPENID_METADATA_URL: keys.metadataUrl,
  });
  handler = createTeamsLambdaHandler({
    env,
    secret: { appPassword: 'not-used-with-a-stand-in' },
    db: data.db,
    queue: createInProcessQueue(
      () => ({}),
      () => undefined,
    ),
    outbound: new StandInCredentials(),
  });
});
afterAll(async () => {
  await keys.close();
  await connector.close();
  await data.close();
});

const event = (token: string | undefined, text = '5.1') => ({
  body: Buffer.from(JSON.stringify(messageActivity(connector.url, text))).toString('base64'),
  isBase64Encoded: true,
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  requestContext: { http: { method: 'POST', path: '/api/messages' } },
});

describe('the Teams Lambda (Function URL event → SDK → stand-in Bot Connector)', () => {
  it('answers a signed activity for 5.1 with the direction card', async () => {
    // Prepare
    const before = connector.posted.length;
    // Act
    const answer = await handler(event(keys.token()));
    // Assess
    expect(answer.statusCode).toBe(200);
    const posted = connector.posted.slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.activity.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(posted[0]?.activity)).toContain('5.1 ·');
  });

  it('refuses an unsigned activity with 401 and posts nothing', async () => {
    // Prepare
    const before = connector.posted.length;
    // Act
    const answer = await handler(event(undefined));
    // Assess
    expect(answer.statusCode).toBe(401);
    expect(connector.posted.length).toBe(before);
  });
});
