import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiHarness } from '../../support/api';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

const path = (ref: string) => `/api/v1/ijbs/midlothian/years/2023-24/directions/${ref}/updates`;
const post = (key: string, ref: string, idempotencyKey: string, body: unknown) =>
  api.request(path(ref), {
    key,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });

describe('POST …/updates on behalf of a partner', () => {
  it('saves the update for the body named, and the direction takes the worse of its bodies', async () => {
    const key = await api.key('write');
    const council = await post(key, '9.1', 'partner-9.1-council', {
      status: 'at-risk',
      text: 'Council staffing gap.',
      body: 'council',
    });
    expect(council.status).toBe(201);
    expect(council.body.update).toMatchObject({ body: 'council', status: 'at-risk' });
    const nhs = await post(key, '9.1', 'partner-9.1-nhs', {
      status: 'on-track',
      text: 'NHS part on plan.',
      body: 'health-board',
    });
    expect(nhs.body.update.body).toBe('health-board');
    const direction = await api.request('/api/v1/ijbs/midlothian/years/2023-24/directions/9.1', { key });
    expect(direction.body.direction.status).toBe('at-risk');
  });

  it('refuses a body that is not a partner, naming the field', async () => {
    const key = await api.key('write');
    const wrong = await post(key, '9.2', 'partner-9.2-wrong', {
      status: 'on-track',
      text: 'x',
      body: 'fife-council',
    });
    expect(wrong.status).toBe(422);
  });
});
