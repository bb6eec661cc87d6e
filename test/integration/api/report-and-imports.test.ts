import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/report';
import { createReviewStore } from '../../../src/store/review-store';
import { type ApiHarness, startApiHarness } from '../../support/api';
import { docxOf } from '../../support/paper-files';
import { MIDLOTHIAN_PAPER } from '../../support/papers';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

const REPORT = '/api/v1/ijbs/midlothian/years/2023-24/report';
const IMPORTS = '/api/v1/ijbs/midlothian/imports';
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const download = async (path: string, key: string) => {
  const response = await fetch(`${api.origin}${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};

describe('GET …/report', () => {
  it('downloads the board paper as CSV: one row per direction, named as an attachment', async () => {
    const key = await api.key('read');
    const { response, bytes } = await download(`${REPORT}?format=csv`, key);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="midlothian-directions-2023-24-outcomes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parseCsv(new TextDecoder().decode(bytes));
    const listed = await api.request('/api/v1/ijbs/midlothian/years/2023-24/directions?limit=100', { key });
    expect(rows.length - 1).toBe(listed.body.total);
  });

  it('answers Word by default, the same report as JSON and Markdown when asked', async () => {
    const key = await api.key('read');
    const word = await download(REPORT, key);
    expect(word.response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(Buffer.from(word.bytes.subarray(0, 4)).toString('latin1')).toBe('PK\x03\x04');
    const json = await api.request(`${REPORT}?format=json`, { key });
    expect(json.body).toMatchObject({ planYear: '2023-24', basis: { kind: 'register' } });
    const md = await download(`${REPORT}?format=md`, key);
    expect(md.response.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(new TextDecoder().decode(md.bytes)).toContain(json.body.ijb.name);
  });

  it('reports a review round by name, and 404s a round that does not exist', async () => {
    const key = await api.key('read');
    await createReviewStore(api.harness.db, api.harness.tableName).open({
      ijbId: 'midlothian',
      id: 'api-mid-year',
      name: 'API mid-year',
      planYear: '2023-24',
      refs: ['5.1', '5.2'],
      openedAt: new Date().toISOString(),
      openedBy: 'U0ADMIN',
      closes: '2099-01-31',
      state: 'open',
      events: [],
    });
    const round = await api.request(`${REPORT}?format=json&round=API%20mid-year`, { key });
    expect(round.status).toBe(200);
    expect(round.body.basis).toMatchObject({ kind: 'round', name: 'API mid-year', state: 'open' });
    expect(round.body.rows).toHaveLength(2);
    const missing = await api.request(`${REPORT}?format=csv&round=no-such-round`, { key });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(missing.body.detail).toContain('no-such-round');
  });
});

describe('POST /ijbs/{ijb}/imports', () => {
  const post = (key: string, query: string, body: Uint8Array | string, type = 'text/plain') =>
    api.request(`${IMPORTS}${query}`, { key, method: 'POST', headers: { 'content-type': type }, body });

  it('dry-runs a paper, writes nothing, then imports that same paper given the dry run’s sha256', async () => {
    const key = await api.key('admin');
    const paper = MIDLOTHIAN_PAPER.replace(/2023-24/g, '2031-32').replace(/2023\/24/g, '2031/32');
    const dry = await post(key, '?year=2031-32&filename=midlothian-2031-32.txt', paper);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      status: 'dry-run',
      planYear: '2031-32',
      newYear: true,
      sha256: sha(paper),
    });
    expect(dry.body.counts.added).toBeGreaterThan(10);
    const before = await api.request('/api/v1/ijbs/midlothian/years', { key });
    expect(before.body.years.map((y: { planYear: string }) => y.planYear)).not.toContain('2031-32');

    const applied = await post(
      key,
      `?year=2031-32&filename=midlothian-2031-32.txt&sha256=${dry.body.sha256}`,
      paper,
    );
    expect(applied.status).toBe(200);
    expect(applied.body.status).toBe('applied');
    const listed = await api.request('/api/v1/ijbs/midlothian/years/2031-32/directions?limit=100', { key });
    expect(listed.body.total).toBe(dry.body.counts.added);
  });

  it('reads Word papers in the bounded reader, as Slack and the CLI do', async () => {
    const key = await api.key('admin');
    const word = await docxOf(MIDLOTHIAN_PAPER);
    const dry = await post(
      key,
      '?year=2023-24',
      word,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ status: 'dry-run', newYear: false, sha256: sha(word) });
  });

  it('refuses a paper that is not the dry run’s (409), writing nothing', async () => {
    const key = await api.key('admin');
    const paper = MIDLOTHIAN_PAPER.replace(/2023-24/g, '2032-33');
    const changed = await post(key, `?year=2032-33&sha256=${sha(paper)}`, `${paper}\n5.99 Something new.`);
    expect(changed.status).toBe(409);
    expect(changed.body.detail).toMatch(/not the paper of the dry run/);
    const years = await api.request('/api/v1/ijbs/midlothian/years', { key });
    expect(years.body.years.map((y: { planYear: string }) => y.planYear)).not.toContain('2032-33');
  });

  it('answers what the importer refuses as 422 with its reasons, an unknown file type as 415', async () => {
    const key = await api.key('admin');
    const minutes = await post(
      key,
      '?year=2033-34',
      'Minutes of the meeting held on 3 May.\nApologies: none.',
    );
    expect(minutes.status).toBe(422);
    expect(Object.keys(minutes.body.errors ?? {}).length).toBeGreaterThan(0);
    const image = await post(key, '', 'GIF89a', 'image/gif');
    expect(image.status).toBe(415);
  });

  it('takes papers up to 4 MB (more than an update’s 64 KB), and only from an admin key of the IJB', async () => {
    const admin = await api.key('admin');
    const big = await post(admin, '?year=2034-35', `${MIDLOTHIAN_PAPER}\n${' '.repeat(200_000)}`);
    expect(big.status).not.toBe(413);
    const huge = await post(admin, '?year=2034-35', 'x'.repeat(4 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    const write = await post(await api.key('write'), '?year=2034-35', MIDLOTHIAN_PAPER);
    expect(write.status).toBe(403);
    const other = await post(await api.key('admin', 'east-lothian'), '?year=2034-35', MIDLOTHIAN_PAPER);
    expect(other.status).toBe(403);
  });
});
