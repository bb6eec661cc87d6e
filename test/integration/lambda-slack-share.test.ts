import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLambdaEnv } from '../../src/aws/lambda-config';
import { createObservability } from '../../src/aws/observability';
import { createSlackLambdaHandler } from '../../src/aws/slack-lambda';
import { loadSlackSecrets } from '../../src/aws/slack-secrets';
import { seedRegister } from '../../src/register/seed';
import { slackSignatureHeaders, slashCommandBody } from '../../src/slack/signature';
import { createShareLinkStore } from '../../src/store/share-link-store';
import { createShareLinks } from '../../src/web/share-links';
import { startTestDynamo, TEST_SECRET, visibleText } from '../support/harness';

const PUBLIC_URL = 'https://abc123.lambda-url.eu-west-2.on.aws/';
const SHARE_KEY = 'the-share-link-key-from-secrets-manager';
let data: Awaited<ReturnType<typeof startTestDynamo>>;
let handler: Awaited<ReturnType<typeof createSlackLambdaHandler>>;

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  const env = loadLambdaEnv({
    TABLE_NAME: data.tableName,
    AWS_REGION: 'eu-west-2',
    AWS_ENDPOINT_URL_DYNAMODB: data.dynamo.endpoint,
    SLACK_SIGNING_SECRET: TEST_SECRET,
    DIRECTIONS_ADMINS: 'U0ADMIN1',
    LOG_LEVEL: 'error',
  });
  handler = await createSlackLambdaHandler({
    env,
    secrets: await loadSlackSecrets(env, () => {
      throw new Error('no Secrets Manager in this test');
    }),
    db: data.db,
    observability: createObservability('slack', 'error'),
    web: { shareSecret: SHARE_KEY, publicUrl: PUBLIC_URL },
  });
});
afterAll(() => data.close());

describe('share links from the Slack function on AWS', () => {
  it('signs /direction share web with the HTTP function’s key and links to its URL', async () => {
    const body = slashCommandBody({ text: 'share web 7 days', userId: 'U0ADMIN1' });
    const response = await handler(
      {
        version: '2.0',
        routeKey: '$default',
        rawPath: '/slack/events',
        rawQueryString: '',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...slackSignatureHeaders(TEST_SECRET, body),
        },
        requestContext: { http: { method: 'POST', path: '/slack/events' } },
        body,
        isBase64Encoded: false,
      } as never,
      {},
    );
    const text = visibleText(JSON.parse(response.body));
    const link = /(https:\/\/\S+)\/share\/(\S+)/.exec(text);
    expect(link?.[1]).toBe(PUBLIC_URL.replace(/\/$/, ''));
    // What the HTTP function checks it with: the same key, the same table.
    const http = createShareLinks({
      secret: SHARE_KEY,
      links: createShareLinkStore(data.db, data.tableName),
      clock: () => new Date(),
    });
    expect(await http.check(link?.[2])).toMatchObject({ ok: true, grant: { ijb: 'midlothian' } });
    const forged = createShareLinks({
      secret: 'another key',
      links: createShareLinkStore(data.db, data.tableName),
      clock: () => new Date(),
    });
    expect((await forged.check(link?.[2])).ok).toBe(false);
  });
});
