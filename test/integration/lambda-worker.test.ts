import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLambdaEnv } from '../../src/aws/lambda-config';
import { createObservability } from '../../src/aws/observability';
import { createWorkerHandler, InvalidWorkerEventError } from '../../src/aws/worker';
import { UnknownJobError } from '../../src/work/job-queue';
import { startTestDynamo, TEST_SECRET } from '../support/harness';

let close: () => Promise<void>;
let handler: ReturnType<typeof createWorkerHandler>;

beforeAll(async () => {
  const data = await startTestDynamo();
  close = data.close;
  const env = loadLambdaEnv({
    TABLE_NAME: data.tableName,
    AWS_REGION: 'eu-west-2',
    SLACK_SIGNING_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
  });
  handler = createWorkerHandler({
    env,
    secrets: { signingSecret: TEST_SECRET, botToken: 'xoxb-test', botId: 'B1', botUserId: 'U1' },
    db: data.db,
    observability: createObservability('worker', 'error'),
  });
});
afterAll(() => close());

describe('the worker function', () => {
  it('fails a job no capability handles, so Lambda retries it and then keeps it in the DLQ', async () => {
    const event = { job: { kind: 'no-such-job', payload: {} }, enqueuedAt: '2024-12-20T10:00:00.000Z' };
    await expect(handler(event, {})).rejects.toThrow(UnknownJobError);
  });

  it('refuses an event that is not a job', async () => {
    await expect(handler({ hello: 'world' }, {})).rejects.toThrow(InvalidWorkerEventError);
  });
});
