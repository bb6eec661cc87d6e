import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegisterApi } from '../../src/api/register-api';
import { createApiLambdaHandler } from '../../src/aws/api-lambda';
import { createObservability } from '../../src/aws/observability';
import { seedRegister } from '../../src/register/seed';
import { startTestDynamo } from '../support/harness';

let close: () => Promise<void>;
let handler: ReturnType<typeof createApiLambdaHandler>;

/** A Function URL event (payload 2.0), as Lambda builds it after checking the caller's IAM signature. */
function get(path: string, query?: Record<string, string>, method = 'GET') {
  return {
    version: '2.0',
    rawPath: path,
    ...(query ? { queryStringParameters: query } : {}),
    requestContext: { requestId: 'req-1', http: { method, path } },
  };
}
const call = async (...args: Parameters<typeof get>) => {
  const response = await handler(get(...args), {});
  return { status: response.statusCode, body: JSON.parse(response.body) };
};

beforeAll(async () => {
  const data = await startTestDynamo();
  await seedRegister(data.store, new Date('2023-04-01T09:00:00Z'));
  close = data.close;
  const api = createRegisterApi({ store: data.store, clock: () => new Date('2024-12-20T10:00:00Z') });
  handler = createApiLambdaHandler(api, createObservability('api', 'error'));
});
afterAll(() => close());

describe('the read-only register API', () => {
  it('lists the IJBs and their plan years', async () => {
    const ijbs = await call('/ijbs');
    expect(ijbs.status).toBe(200);
    expect(ijbs.body.ijbs).toEqual([
      expect.objectContaining({ id: 'east-lothian', latestPlanYear: '2019-20' }),
      expect.objectContaining({ id: 'midlothian', latestPlanYear: '2023-24' }),
    ]);

    const years = await call('/ijbs/midlothian/years');
    expect(years.body.years).toEqual([expect.objectContaining({ planYear: '2023-24' })]);
  });

  it('gives a direction with its deadline as written, the day it means and working days, as of today', async () => {
    const { status, body } = await call('/ijbs/midlothian/years/2023-24/directions/5.1');
    expect(status).toBe(200);
    expect(body.today).toBe('2024-12-20');
    expect(body.direction).toMatchObject({
      ref: '5.1',
      theme: 'Health Inequalities',
      issuedTo: 'NHS Lothian and Midlothian Council',
      deadlines: [
        expect.objectContaining({
          asWritten: expect.stringContaining('January 2025'),
          dueDate: '2025-01-31',
        }),
      ],
    });
  });

  it('leaves out Slack user ids and channels', async () => {
    const { body } = await call('/ijbs/midlothian/years/2023-24/directions');
    expect(body.directions.length).toBeGreaterThan(10);
    for (const direction of body.directions) {
      expect(direction).not.toHaveProperty('leads');
      expect(direction).not.toHaveProperty('channel');
    }
  });

  it('filters by status, and says what a bad status should be', async () => {
    const open = await call('/ijbs/midlothian/years/2023-24/directions', { status: 'not-started' });
    expect(open.status).toBe(200);
    const bad = await call('/ijbs/midlothian/years/2023-24/directions', { status: 'done' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^Bad query status/);
  });

  it('answers 400 for a malformed path segment, naming it', async () => {
    expect((await call('/ijbs/Midlothian!/years')).body.error).toMatch(/^Bad IJB/);
    expect((await call('/ijbs/midlothian/years/2023-25/directions')).body.error).toMatch(/^Bad plan year/);
    expect((await call('/ijbs/midlothian/years/2023-24/directions/5.1;drop')).status).toBe(400);
    expect((await call('/ijbs', { limit: '5' })).status).toBe(400);
  });

  it('answers 404 with where to look, and 405 for anything but GET', async () => {
    expect((await call('/ijbs/fife/years')).status).toBe(404);
    expect((await call('/ijbs/midlothian/years/2019-20/directions')).status).toBe(404);
    const missing = await call('/ijbs/midlothian/years/2023-24/directions/5.9');
    expect(missing).toEqual({ status: 404, body: { error: 'No 5.9 in Midlothian 2023-24.' } });
    expect((await call('/register')).status).toBe(404);
    expect((await call('/ijbs', undefined, 'DELETE')).status).toBe(405);
  });
});
