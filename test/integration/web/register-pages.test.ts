import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiHarness } from '../../support/api';

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(() => api.close());

/** Follows the share link by hand: the cookie it sets is what signs the visitor in. */
async function signIn(ijb = 'midlothian') {
  const { path, id } = await api.shareLink(ijb);
  const opened = await fetch(`${api.origin}${path}`, { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { opened, cookie, id };
}
const get = (path: string, cookie: string) =>
  fetch(`${api.origin}${path}`, { headers: { cookie }, redirect: 'manual' });

describe('the web register', () => {
  it('opens from a share link into that IJB’s latest year, by theme, with the timeline', async () => {
    const { opened, cookie } = await signIn();
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/ijbs/midlothian');
    expect(opened.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const year = await get('/ijbs/midlothian', cookie);
    expect(year.headers.get('location')).toBe('/ijbs/midlothian/years/2023-24');
    const html = await (await get('/ijbs/midlothian/years/2023-24', cookie)).text();
    expect(html).toContain('<h1>Midlothian Directions 2023-24</h1>');
    expect(html).toContain('Directions by theme');
    expect(html).toContain('Festive break');
    expect(html).toContain('href="/ijbs/midlothian/years/2023-24/directions/5.1"');
  });

  it('finds directions by words', async () => {
    const { cookie } = await signIn();
    const html = await (await get('/ijbs/midlothian/years/2023-24?q=carers', cookie)).text();
    expect(html).toMatch(/\d+ directions? match “carers”/);
  });

  it('shows a direction at its stable URL with what is directed, to whom, and by when', async () => {
    const { cookie } = await signIn();
    const response = await get('/ijbs/midlothian/years/2023-24/directions/5.1', cookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Direction 5.1');
    expect(html).toContain('Issued to');
    expect(html).toMatch(/by January 202\d/);
  });

  it('refuses other IJBs, no link, and revoked links', async () => {
    const { cookie, id } = await signIn();
    expect((await get('/ijbs/east-lothian/years/2019-20', cookie)).status).toBe(403);
    expect((await get('/ijbs/midlothian/years/2023-24', '')).status).toBe(401);
    await api.revokeShare(id);
    const revoked = await get('/ijbs/midlothian/years/2023-24', cookie);
    expect(revoked.status).toBe(401);
    expect(await revoked.text()).toContain('This share link was revoked');
    const tampered = await fetch(`${api.origin}/share/${'a'.repeat(16)}.midlothian.9999999999.forged`);
    expect(tampered.status).toBe(401);
  });

  it('opens for an API key too', async () => {
    const key = await api.key('read');
    const response = await fetch(`${api.origin}/ijbs/midlothian/years/2023-24`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
  });
});
