import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, visibleText } from '../../support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { DIRECTIONS_ADMINS: 'U0ADMIN1' } });
});
afterAll(() => harness.close());

describe('/direction share web', () => {
  it('gives an IJB admin a read-only link that opens the web register', async () => {
    const reply = await harness.command('share web 7 days', { userId: 'U0ADMIN1' });
    const text = visibleText(reply.body);
    expect(text).toContain('valid for 7 days');
    const url = /http:\/\/\S+\/share\/(\S+)/.exec(text);
    expect(url).not.toBeNull();
    const opened = await fetch(`http://127.0.0.1:${harness.server.port}/share/${url?.[1]}`, {
      redirect: 'manual',
    });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/ijbs/midlothian');
  });

  it('refuses anyone but an admin, and a length it cannot give', async () => {
    expect(visibleText((await harness.command('share web 30 days', { userId: 'U0SOMEONE' })).body)).toContain(
      'Only IJB admins can share the web register',
    );
    expect(visibleText((await harness.command('share web 900 days', { userId: 'U0ADMIN1' })).body)).toContain(
      'A link lasts 1 to 365 days',
    );
  });
});
