import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKeys, reservationOf } from '../../../src/api/api-keys';
import { createApiKeyStore } from '../../../src/store/api-key-store';
import { startTestDynamo } from '../../support/harness';

let data: Awaited<ReturnType<typeof startTestDynamo>>;
beforeAll(async () => {
  data = await startTestDynamo();
});
afterAll(() => data.close());

/** One API instance (a Lambda instance, or npm start) over the shared table, with its own clock for trust. */
function instance(limit: number, trustMs = 5_000) {
  let ms = 0;
  const keys = createApiKeys({
    keys: createApiKeyStore(data.db, data.tableName),
    clock: () => new Date('2024-12-20T10:00:30Z'),
    rateLimit: { limit, windowSeconds: 60 },
    trustMs,
    now: () => ms,
  });
  return { keys, advance: (by: number) => (ms += by) };
}
const bearer = (key: string) => `Bearer ${key}`;

describe('API keys checked once and trusted briefly', () => {
  it('stops a revoked key within the trust window, on an instance that had checked it', async () => {
    const api = instance(600);
    const { key, record } = await api.keys.create({ name: 'BI', scope: 'read', ijb: 'midlothian', by: 't' });
    expect((await api.keys.authenticate(bearer(key))).ok).toBe(true);
    await instance(600).keys.revoke(record.id);
    // Still trusted for a moment here (at most the window, and at most the requests it counted)…
    expect((await api.keys.authenticate(bearer(key))).ok).toBe(true);
    api.advance(5_001);
    // …then the table is asked again, and says revoked.
    expect(await api.keys.authenticate(bearer(key))).toMatchObject({ ok: false, status: 401 });
  });

  it('never trusts a wrong secret for a known key id', async () => {
    const api = instance(600);
    const { key } = await api.keys.create({ name: 'BI', scope: 'read', ijb: 'midlothian', by: 't' });
    expect((await api.keys.authenticate(bearer(key))).ok).toBe(true);
    const forged = `${key.slice(0, -4)}AAAA`;
    expect(await api.keys.authenticate(bearer(forged))).toMatchObject({ ok: false, status: 401 });
  });

  it('holds the rate limit across instances: never more than the limit served, at most a reservation each short', async () => {
    const limit = 120;
    const [a, b, c] = [instance(limit), instance(limit), instance(limit)];
    if (!a || !b || !c) throw new Error('three instances');
    const { key } = await a.keys.create({ name: 'BI', scope: 'read', ijb: 'midlothian', by: 't' });
    // 15 at a time, five from each instance: the counter is raced, as under load.
    const results: Awaited<ReturnType<typeof a.keys.authenticate>>[] = [];
    for (let round = 0; round < 14; round++)
      results.push(
        ...(await Promise.all(
          Array.from({ length: 15 }, (_, i) => ([a, b, c][i % 3] ?? a).keys.authenticate(bearer(key))),
        )),
      );
    const served = results.filter((result) => result?.ok).length;
    expect(served).toBeLessThanOrEqual(limit);
    expect(served).toBeGreaterThanOrEqual(limit - 3 * (reservationOf(limit) - 1));
    expect(results.find((result) => result && !result.ok)).toMatchObject({ status: 429 });
  });

  it('checks the table on every request when the trust window is 0', async () => {
    const api = instance(600, 0);
    const { key, record } = await api.keys.create({ name: 'BI', scope: 'read', ijb: 'midlothian', by: 't' });
    expect((await api.keys.authenticate(bearer(key))).ok).toBe(true);
    await api.keys.revoke(record.id);
    expect(await api.keys.authenticate(bearer(key))).toMatchObject({ ok: false, status: 401 });
  });
});
