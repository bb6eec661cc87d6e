import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness';
import { startSlackStandIn } from '../support/slack-stand-in';
import { zipBomb } from '../support/zip-bomb';

let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let harness: Harness;

beforeAll(async () => {
  slack = await startSlackStandIn();
  harness = await startHarness({
    env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.url, DIRECTIONS_ADMINS: 'U0ADMIN' },
  });
  // 1 MB that inflates to 300 MB, its headers lying about it: sent to the bot by an admin.
  const bytes = await zipBomb(300, { lie: true });
  slack.answer('/files.info', {
    ok: true,
    file: {
      id: 'F0BOMB',
      name: 'directions.docx',
      size: bytes.length,
      url_private_download: `${slack.url}/download/F0BOMB`,
    },
  });
  slack.answer('/download/F0BOMB', bytes);
});
afterAll(async () => {
  await harness.close();
  await slack.close();
});

const posted = () =>
  slack.requests
    .filter((request) => request.path === '/chat.postMessage')
    .map((request) => String(request.body.text));

describe('a hostile paper sent to the bot', () => {
  it('is refused with what the limit is, while the server keeps answering /health', async () => {
    const health = harness.url.replace('/slack/events', '/health');
    const sent = await harness.event({
      type: 'message',
      subtype: 'file_share',
      channel: 'D0DM',
      channel_type: 'im',
      user: 'U0ADMIN',
      text: '',
      files: [{ id: 'F0BOMB', name: 'directions.docx' }],
      ts: '1700000000.000100',
      event_ts: '1700000000.000100',
    });
    expect(sent.status).toBe(200);

    const answers: number[] = [];
    const deadline = Date.now() + 30_000;
    while (posted().length < 2 && Date.now() < deadline) {
      answers.push((await fetch(health, { signal: AbortSignal.timeout(5_000) })).status);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await harness.server.drain();

    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((status) => status === 200)).toBe(true);
    expect((await fetch(health)).status).toBe(200);
    expect(posted()[0]).toBe('Reading directions.docx…');
    expect(posted()[1]).toMatch(
      /^Nothing was imported from directions\.docx: directions\.docx is not read: its part word\/document\.xml inflates to more than 32\.0 MB/,
    );
  }, 60_000);
});
