import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRegister } from '../../src/register/seed';
import { slackSignatureHeaders, slashCommandBody } from '../../src/slack/signature';
import { startTestDynamo, TEST_SECRET, visibleText } from '../support/harness';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;

let handler: Handler;
let close: () => Promise<void>;

/** A Lambda Function URL event (payload format 2.0) as AWS builds it from Slack's POST. */
function functionUrlEvent(body: string, headers: Record<string, string>, base64 = true) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    requestContext: { http: { method: 'POST', path: '/slack/events' } },
    body: base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: base64,
  };
}

beforeAll(async () => {
  const data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  close = data.close;
  Object.assign(process.env, {
    TABLE_NAME: data.tableName,
    AWS_REGION: 'eu-west-2',
    AWS_ENDPOINT_URL_DYNAMODB: data.dynamo.endpoint,
    SLACK_SIGNING_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
  });
  ({ handler } = (await import('../../lambdas/slack')) as unknown as { handler: Handler });
});
afterAll(() => close());

describe('lambdas/slack', () => {
  it('answers a signed /direction 5.1 with the card, as the ack body', async () => {
    const body = slashCommandBody({ text: '5.1' });
    const response = await handler(functionUrlEvent(body, slackSignatureHeaders(TEST_SECRET, body)), {});
    expect(response.statusCode).toBe(200);
    expect(visibleText(JSON.parse(response.body))).toContain('5.1 · Health Inequalities');
  });

  it('refuses an unsigned request with 401', async () => {
    const body = slashCommandBody({ text: '5.1' });
    const response = await handler(functionUrlEvent(body, {}), {});
    expect(response.statusCode).toBe(401);
  });

  it('verifies JSON event bodies with non-ASCII text, base64-encoded', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'café-☕' });
    const event = {
      ...functionUrlEvent(body, slackSignatureHeaders(TEST_SECRET, body)),
      headers: { 'content-type': 'application/json', ...slackSignatureHeaders(TEST_SECRET, body) },
    };
    const response = await handler(event, {});
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ challenge: 'café-☕' });
  });

  it('answers 400 to signed bodies Slack could not have sent, and goes on serving', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'payload=null'],
      ['application/json', 'null'],
      ['application/json', '[{"type":"event_callback"}]'],
    ] as const) {
      const event = {
        ...functionUrlEvent(body, {}),
        headers: { 'content-type': type, ...slackSignatureHeaders(TEST_SECRET, body) },
      };
      expect((await handler(event, {})).statusCode, body).toBe(400);
    }
    const body = slashCommandBody({ text: '5.1' });
    expect(
      (await handler(functionUrlEvent(body, slackSignatureHeaders(TEST_SECRET, body)), {})).statusCode,
    ).toBe(200);
  });

  it('refuses a request signed for 6 minutes from now', async () => {
    const body = slashCommandBody({ text: '5.1' });
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const response = await handler(
      functionUrlEvent(body, slackSignatureHeaders(TEST_SECRET, body, future)),
      {},
    );
    expect(response.statusCode).toBe(401);
  });
});
