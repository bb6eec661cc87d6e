import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeys } from '../../src/api/api-keys';
import { createHttpLambdaHandler } from '../../src/aws/http-lambda';
import { loadLambdaEnv } from '../../src/aws/lambda-config';
import { createObservability } from '../../src/aws/observability';
import { seedRegister } from '../../src/register/seed';
import { createApiKeyStore } from '../../src/store/api-key-store';
import type { Job } from '../../src/work/job-queue';
import { startTestDynamo } from '../support/harness';

let close: () => Promise<void>;
let handler: ReturnType<typeof createHttpLambdaHandler>;
let key: string;
const queued: Job[] = [];

/** A Function URL event (payload 2.0), as Lambda hands it over with auth NONE. */
function event(method: string, path: string, headers: Record<string, string>, body?: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc.lambda-url.eu-west-2.on.aws', ...headers },
    requestContext: {
      requestId: 'req-1',
      domainName: 'abc.lambda-url.eu-west-2.on.aws',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
    ...(body ? { body } : {}),
  };
}

beforeAll(async () => {
  const data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  close = data.close;
  key = (
    await createApiKeys({ keys: createApiKeyStore(data.db, data.tableName), clock: () => new Date() }).create(
      {
        name: 'Pentana',
        scope: 'write',
        ijb: 'midlothian',
        by: 'test',
      },
    )
  ).key;
  handler = createHttpLambdaHandler({
    env: loadLambdaEnv({ TABLE_NAME: data.tableName, AWS_REGION: 'eu-west-2', LOG_LEVEL: 'error' }),
    db: data.db,
    observability: createObservability('http', 'error'),
    queue: { enqueue: async (job) => void queued.push(job) },
    shareSecret: 'test-share-secret',
  });
});
afterAll(() => close());

describe('the API on Lambda (Function URL)', () => {
  it('answers the same routes as npm start, and hands the saved update to the worker', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the adapter's result union
    const read: any = await handler(
      event('GET', '/api/v1/ijbs/midlothian/years/2023-24/directions/5.1', {
        authorization: `Bearer ${key}`,
      }) as never,
      {} as never,
    );
    expect(read.statusCode).toBe(200);
    expect(JSON.parse(read.body).direction.ref).toBe('5.1');

    // biome-ignore lint/suspicious/noExplicitAny: the adapter's result union
    const posted: any = await handler(
      event(
        'POST',
        '/api/v1/ijbs/midlothian/years/2023-24/directions/5.1/updates',
        { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'lambda-1' },
        JSON.stringify({ status: 'on-track', text: 'Posted from Pentana, in café’s words' }),
      ) as never,
      {} as never,
    );
    expect(posted.statusCode).toBe(201);
    expect(JSON.parse(posted.body).update.text).toBe('Posted from Pentana, in café’s words');
    expect(queued.map((job) => job.kind)).toContain('updates.publish');
  });

  it('answers a problem, not a stack trace, without a key', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the adapter's result union
    const reply: any = await handler(event('GET', '/api/v1/ijbs', {}) as never, {} as never);
    expect(reply.statusCode).toBe(401);
    expect(reply.headers['content-type']).toBe('application/problem+json');
  });
});
