import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/report';
import { createReviewService } from '../../../src/review/review-service';
import { createReviewStore } from '../../../src/store/review-store';
import { type ApiHarness, startApiHarness } from '../../support/api';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

async function signIn(ijb: string) {
  const { path } = await api.shareLink(ijb);
  const opened = await fetch(`${api.origin}${path}`, { redirect: 'manual' });
  return opened.headers.get('set-cookie')?.split(';')[0] ?? '';
}
const get = (path: string, cookie: string) =>
  fetch(`${api.origin}${path}`, { headers: { cookie }, redirect: 'manual' });
const rowOf = (html: string, ref: string) =>
  new RegExp(`<tr><th scope="row"><a [^>]*>${ref}</a></th>.*?</tr>`).exec(html)?.[0] ?? '';

describe('the review round and the board report on the web register', () => {
  it('shows the open round’s returns per direction, then the closed round’s as its snapshot kept them', async () => {
    const cookie = await signIn('east-lothian');
    const review = createReviewService({
      store: api.harness.store,
      reviews: createReviewStore(api.harness.db, api.harness.tableName),
      admins: {
        isAdmin: async () => true,
        list: async () => [],
        add: async () => {},
        remove: async () => {},
      },
      clock: () => new Date(),
    });
    const none = await (await get('/ijbs/east-lothian/years/2019-20/review', cookie)).text();
    expect(none).toContain('No review round has been opened for 2019-20 yet');

    const opened = await review.open({
      ijbId: 'east-lothian',
      userId: 'U0ADMIN',
      name: 'Mid-year web',
      closes: '2099-03-31',
      refs: ['D01h', 'D02f', 'D02i'],
    });
    expect(opened.kind).toBe('done');
    const saved = await api.request('/api/v1/ijbs/east-lothian/years/2019-20/directions/D02f/updates', {
      key: await api.key('write', 'east-lothian'),
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'web-review-d02f' },
      body: JSON.stringify({ status: 'on-track', text: 'Carers strategy consultation finished.' }),
    });
    expect(saved.status).toBe(201);

    const open = await (await get('/ijbs/east-lothian/years/2019-20/review', cookie)).text();
    expect(open).toContain('<h1>Review round: Mid-year web</h1>');
    expect(open).toContain('1 of 3 returned');
    expect(rowOf(open, 'D02f')).toContain('Returned');
    expect(rowOf(open, 'D01h')).toContain('Outstanding');
    expect(open).toContain('report?format=docx&amp;round=Mid-year%20web');

    expect((await review.close({ ijbId: 'east-lothian', userId: 'U0ADMIN' })).kind).toBe('done');
    // After the close, a new update is not a return of the closed round.
    await api.request('/api/v1/ijbs/east-lothian/years/2019-20/directions/D01h/updates', {
      key: await api.key('write', 'east-lothian'),
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'web-review-d01h' },
      body: JSON.stringify({ status: 'at-risk', text: 'Late.' }),
    });
    const closed = await (await get('/ijbs/east-lothian/years/2019-20/review', cookie)).text();
    expect(closed).toMatch(/Closed on/);
    expect(closed).toContain('1 of 3 returned');
    expect(rowOf(closed, 'D01h')).toContain('Outstanding');
  });

  it('downloads the board report from the register page’s links: Word and CSV', async () => {
    const cookie = await signIn('midlothian');
    const home = await (await get('/ijbs/midlothian/years/2023-24', cookie)).text();
    const links = [...home.matchAll(/href="([^"]*\/report\?format=(docx|csv))" download/g)];
    expect(links.map((m) => m[2])).toEqual(['docx', 'csv']);
    const word = await get(links[0]?.[1] ?? '', cookie);
    expect(word.status).toBe(200);
    expect(word.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"$/);
    expect(
      Buffer.from(await word.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    const csv = await get(links[1]?.[1] ?? '', cookie);
    expect(parseCsv(await csv.text()).length).toBeGreaterThan(10);
  });

  it('gives the report only to a visitor signed in for that IJB', async () => {
    expect((await get('/ijbs/midlothian/years/2023-24/report?format=csv', '')).status).toBe(401);
    const other = await signIn('east-lothian');
    expect((await get('/ijbs/midlothian/years/2023-24/report?format=csv', other)).status).toBe(403);
    const cookie = await signIn('midlothian');
    expect((await get('/ijbs/midlothian/years/2023-24/report?format=pdf', cookie)).status).toBe(400);
    expect((await get('/ijbs/midlothian/years/2023-24/report?round=nothing', cookie)).status).toBe(404);
  });
});
