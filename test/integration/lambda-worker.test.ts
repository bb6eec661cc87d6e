import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLambdaEnv } from '../../src/aws/lambda-config';
import { createObservability } from '../../src/aws/observability';
import { createWorkerHandler, InvalidWorkerEventError } from '../../src/aws/worker';
import { seedRegister } from '../../src/register/seed';
import { createUpdateStore } from '../../src/store/update-store';
import { SUMMARY_SWEEP_JOB } from '../../src/updates/summary-sweep';
import { UnknownJobError } from '../../src/work/job-queue';
import { startTestDynamo, TEST_SECRET } from '../support/harness';

let close: () => Promise<void>;
let handler: ReturnType<typeof createWorkerHandler>;
let data: Awaited<ReturnType<typeof startTestDynamo>>;

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'), data.imports);
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

  it('runs the summary sweep as the 5-minute schedule hands it over, healing a summary a stopped function left', async () => {
    // Prepare: an update whose summary write never happened (the function stopped between the two).
    await createUpdateStore(data.db, data.tableName).create({
      id: 'stopped-1',
      ijbId: 'midlothian',
      planYear: '2023-24',
      ref: '5.1',
      at: '2024-12-02T10:05:00.000Z',
      by: 'U0LEAD',
      via: 'line',
      revision: 1,
      status: 'at-risk',
      text: 'the Council dataset is incomplete',
      evidence: [],
    });
    // Act: the event cdk/constructs/worker.ts schedules, with Scheduler's time filled in.
    await handler({ job: { kind: SUMMARY_SWEEP_JOB, payload: {} }, enqueuedAt: '2024-12-02T10:10:00Z' }, {});
    // Assess
    const direction = await data.store.getDirection('midlothian', '2023-24', '5.1');
    expect(direction?.latestUpdate?.text).toBe('the Council dataset is incomplete');
    expect(await createUpdateStore(data.db, data.tableName).listUnsummarised(10)).toEqual([]);
  });
});
