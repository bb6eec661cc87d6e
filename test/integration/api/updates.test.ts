import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiHarness } from '../../support/api';

let api: ApiHarness;
beforeAll(async () => {
  // Revocation is checked on every request here; the trust window has its own test (unit/api-key-trust).
  api = await startApiHarness({ env: { API_KEY_TRUST_SECONDS: '0' } });
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

async function history(key: string, ref: string) {
  return (await api.request(`${path(ref)}?limit=100`, { key })).body.events as { update: { id: string } }[];
}

describe('POST …/directions/{ref}/updates', () => {
  it('saves an update through the update service: the direction takes its status', async () => {
    const key = await api.key('write');
    const saved = await post(key, '6.1', 'first-6.1', {
      status: 'at-risk',
      text: 'Recruitment is behind plan.',
    });
    expect(saved.status).toBe(201);
    expect(saved.body.update).toMatchObject({
      status: 'at-risk',
      via: 'api',
      by: expect.stringMatching(/^api:/),
    });
    const direction = await api.request('/api/v1/ijbs/midlothian/years/2023-24/directions/6.1', { key });
    expect(direction.body.direction.status).toBe('at-risk');
    expect(direction.body.direction.latestUpdate.text).toBe('Recruitment is behind plan.');
  });

  it('stores one update for 20 simultaneous POSTs with one Idempotency-Key, and answers each the same', async () => {
    const key = await api.key('write');
    const body = { status: 'on-track', text: 'Twenty tries, one update.' };
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => post(key, '7.1', 'same-key-7.1', body)),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    expect(new Set(replies.map((reply) => JSON.stringify(reply.body))).size).toBe(1);
    expect(replies.filter((reply) => reply.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    const events = await history(key, '7.1');
    expect(events.filter((event) => event.update?.id === replies[0]?.body.update.id)).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('stores 20 updates for 20 simultaneous POSTs with different keys', async () => {
    const key = await api.key('write');
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(key, '7.2', `many-7.2-${i}`, { status: 'on-track', text: `Report ${i}` }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(201));
    expect(new Set(replies.map((reply) => reply.body.update.id)).size).toBe(20);
    expect(await history(key, '7.2')).toHaveLength(20);
  });

  it('refuses the same Idempotency-Key with another body with 422, and keeps the first update only', async () => {
    const key = await api.key('write');
    expect((await post(key, '8.1', 'reused', { status: 'on-track', text: 'One' })).status).toBe(201);
    const other = await post(key, '8.1', 'reused', { status: 'off-track', text: 'Two' });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(other.body.detail).toContain('Idempotency-Key reused was used with another request body');
    expect(await history(key, '8.1')).toHaveLength(1);
  });

  it('applies Slack’s rules: Achieved needs evidence, and stays a proposal for an IJB admin to sign off', async () => {
    const key = await api.key('write');
    const bare = await post(key, '8.2', 'achieved-bare', { status: 'achieved', text: 'Done.' });
    expect(bare.status).toBe(422);
    expect(bare.body.errors.evidence).toMatch(/Achieved needs evidence for sign-off/);
    const proposed = await post(key, '8.2', 'achieved-evidence', {
      status: 'achieved',
      text: 'Done.',
      evidence: ['https://example.org/board-paper.pdf'],
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.update.signOff).toEqual({ state: 'pending' });
    const direction = await api.request('/api/v1/ijbs/midlothian/years/2023-24/directions/8.2', { key });
    expect(direction.body.direction.status).not.toBe('achieved');
    expect(direction.body.direction.latestUpdate.proposal).toBe('achieved');
  });

  it('names the field and the fix for a revised date in the past', async () => {
    const key = await api.key('write');
    const reply = await post(key, '9.1', 'past-date', {
      status: 'at-risk',
      text: 'Late.',
      revisedDate: '2020-01-01',
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors.revisedDate).toMatch(/is in the past/);
  });
});

describe('API keys', () => {
  it('answers 401 for a revoked key, naming when it was revoked', async () => {
    const key = await api.key('read');
    expect((await api.request('/api/v1/ijbs', { key })).status).toBe(200);
    await api.revoke(key);
    const reply = await api.request('/api/v1/ijbs', { key });
    expect(reply.status).toBe(401);
    expect(reply.body.detail).toMatch(/^This API key was revoked on \d{4}-/);
  });

  it('answers 403 for a key of another IJB, and for a read key that writes', async () => {
    const other = await api.key('write', 'east-lothian', 'East Lothian BI');
    const wrongIjb = await api.request('/api/v1/ijbs/midlothian/years', { key: other });
    expect(wrongIjb.status).toBe(403);
    expect(wrongIjb.body.detail).toBe('The key “East Lothian BI” is for east-lothian, not midlothian.');
    const reader = await api.key('read', 'midlothian', 'Power BI');
    const write = await post(reader, '5.1', 'reader-writes', { status: 'on-track', text: 'x' });
    expect(write.status).toBe(403);
    expect(write.body.detail).toBe('The key “Power BI” has scope read; this needs write.');
  });

  it('lists only the IJBs a one-IJB key may read', async () => {
    const key = await api.key('read', 'east-lothian');
    const reply = await api.request('/api/v1/ijbs', { key });
    expect(reply.body.ijbs.map((ijb: { id: string }) => ijb.id)).toEqual(['east-lothian']);
  });
});

describe('GET …/directions', () => {
  it('pages through a year with an opaque cursor, every direction once', async () => {
    const key = await api.key('read');
    const seen: string[] = [];
    let next: string | undefined;
    let total = 0;
    do {
      const page = await api.request(
        `/api/v1/ijbs/midlothian/years/2023-24/directions?limit=4${next ? `&cursor=${next}` : ''}`,
        { key },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.directions.map((d: { ref: string }) => d.ref));
      total = page.body.total;
      next = page.body.next;
    } while (next);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('refuses a cursor made for other filters', async () => {
    const key = await api.key('read');
    const first = await api.request('/api/v1/ijbs/midlothian/years/2023-24/directions?limit=2', { key });
    const other = await api.request(
      `/api/v1/ijbs/midlothian/years/2023-24/directions?limit=2&recipient=council&cursor=${first.body.next}`,
      { key },
    );
    expect(other.status).toBe(400);
    expect(other.body.detail).toMatch(/cursor/);
  });

  it('filters by recipient, theme, due date and words', async () => {
    const key = await api.key('read');
    const list = async (query: string) =>
      (await api.request(`/api/v1/ijbs/midlothian/years/2023-24/directions?limit=100&${query}`, { key }))
        .body;
    const all = (await list('')).directions as {
      ref: string;
      theme: string;
      recipients: string[];
      deadlines: { dueDate?: string }[];
    }[];
    const council = (await list('recipient=council')).directions as typeof all;
    expect(council.length).toBeGreaterThan(0);
    expect(council.every((d) => d.recipients.includes('council'))).toBe(true);
    const carers = (await list('theme=carers')).directions as typeof all;
    expect(carers.length).toBeGreaterThan(0);
    expect(carers.every((d) => /carers/i.test(d.theme))).toBe(true);
    const early = (await list('dueBefore=2024-01-31')).directions as typeof all;
    expect(early.every((d) => d.deadlines.some((x) => x.dueDate && x.dueDate <= '2024-01-31'))).toBe(true);
    expect(early.length).toBeLessThan(all.length);
    const searched = (await list('q=carers')).directions as typeof all;
    expect(searched.length).toBeGreaterThan(0);
    expect((await list('status=bogus')).detail).toMatch(/status must be one or more of/);
  });
});
