import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, visibleText } from '../support/harness';
import { docxOf } from '../support/paper-files';
import { EAST_LOTHIAN_PAPER } from '../support/papers';
import { startSlackStandIn } from '../support/slack-stand-in';

let slack: Awaited<ReturnType<typeof startSlackStandIn>>;
let harness: Harness;

// East Lothian's paper as a Word file, revised: one oversight date moved.
const REVISED = EAST_LOTHIAN_PAPER.replace('approval by December 2020', 'approval by February 2021');

// Each test gets its own register and Slack stand-in, and sends the paper itself when it needs a preview.
beforeEach(async () => {
  slack = await startSlackStandIn();
  harness = await startHarness({
    // U0ADMIN administers East Lothian, whose paper this is; U0MIDADM only the workspace's own IJB (Midlothian).
    env: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.url,
      DIRECTIONS_ADMINS: 'U0MIDADM,east-lothian:U0ADMIN',
    },
  });
  const bytes = await docxOf(REVISED);
  slack.answer('/files.info', {
    ok: true,
    file: {
      id: 'F0PAPER',
      name: 'el-directions-2019-20.docx',
      size: bytes.length,
      url_private_download: `${slack.url}/download/F0PAPER`,
    },
  });
  slack.answer('/download/F0PAPER', bytes);
});
afterEach(async () => {
  await harness.close();
  await slack.close();
});

const sendFile = (user: string, text = 'east-lothian') =>
  harness.event({
    type: 'message',
    subtype: 'file_share',
    channel: 'D0DM',
    channel_type: 'im',
    user,
    text,
    files: [{ id: 'F0PAPER', name: 'el-directions-2019-20.docx' }],
    ts: '1700000000.000100',
    event_ts: '1700000000.000100',
  });
/** Event listeners run after Slack's ack: wait until the bot has posted `count` messages and its jobs ran. */
const settle = async (count: number) => {
  const deadline = Date.now() + 10_000;
  while (posted().length < count && Date.now() < deadline) {
    await harness.server.drain();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await harness.server.drain();
  return posted();
};
/** The text of the first response_url post matching `pattern`, once it has come. */
const response = async (pattern: RegExp): Promise<string | undefined> => {
  const deadline = Date.now() + 10_000;
  const find = () =>
    slack.requests
      .map((request) => (request.path === '/response' ? String(request.body.text) : ''))
      .find((text) => pattern.test(text));
  while (!find() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return find();
};
const posted = () =>
  slack.requests.filter((request) => request.path === '/chat.postMessage').map((request) => request.body);
const press = (actionId: string, value: string, user = 'U0ADMIN') =>
  harness.interact({
    type: 'block_actions',
    user: { id: user },
    team: { id: 'T0LOCAL' },
    api_app_id: 'A0LOCAL',
    token: 'deprecated-verification-token',
    trigger_id: '1.local',
    response_url: slack.responseUrl,
    channel: { id: 'D0DM' },
    container: { type: 'message', message_ts: '1700000000.000200' },
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'import.preview',
        value,
        action_ts: '1700000000.000300',
      },
    ],
  });

/** An admin sends the paper and gets the preview; the value of its Import button. Clears what Slack saw. */
async function previewed(): Promise<string> {
  await sendFile('U0ADMIN');
  const preview = (await settle(2))[1];
  const buttons = JSON.parse(preview?.blocks ?? '[]').at(-1)?.elements;
  if (!buttons?.[0]?.value) throw new Error('no preview');
  slack.requests.length = 0;
  return buttons[0].value;
}

describe('importing a paper sent to the bot', () => {
  it('reads the file an admin sends, and answers with the dry run to confirm', async () => {
    expect((await sendFile('U0ADMIN')).status).toBe(200);
    const [reading, preview] = await settle(2);
    expect(reading?.text).toBe('Reading el-directions-2019-20.docx…');
    expect(preview?.channel).toBe('D0DM');
    const text = visibleText({ blocks: JSON.parse(preview?.blocks ?? '[]') });
    expect(text).toContain('Import East Lothian 2019-20?');
    expect(text).toContain('0 new · 1 changed · 39 unchanged');
    expect(text).toContain('*D04b* · Hosted Services · NHS Lothian · by February 2021 (Sun 28 Feb 2021)');
    expect(text).toContain('Inferred or repaired — please check');
    const buttons = JSON.parse(preview?.blocks ?? '[]').at(-1).elements;
    expect(buttons.map((element: { action_id: string }) => element.action_id)).toEqual([
      'import.confirm',
      'import.cancel',
    ]);
    expect(
      (await harness.store.getDirection('east-lothian', '2019-20', 'D04b'))?.deadlines[0]?.asWritten,
    ).toBe('by December 2020');
  });

  it('imports it when the admin presses Import, and says what changed', async () => {
    const confirmValue = await previewed();
    await press('import.confirm', confirmValue);
    await settle(1);
    expect(slack.requests.find((request) => request.path === '/response')?.body.text).toBe(
      'Importing… I will say here when it is done.',
    );
    expect(posted().at(-1)?.text).toBe(
      'Imported East Lothian 2019-20: 0 new · 1 changed · 39 unchanged · 0 no longer in the paper (kept, flagged) · 49 milestones · 33 outcomes of earlier directions.',
    );
    expect(await harness.store.getDirection('east-lothian', '2019-20', 'D04b')).toMatchObject({
      deadlines: [{ asWritten: 'by February 2021' }],
      paperRevision: 2,
    });
  });

  it('refuses someone who is not an admin, without reading the file', async () => {
    const confirmValue = await previewed();
    await sendFile('U0SOMEONE');
    const [answer] = await settle(1);
    expect(slack.requests.some((request) => request.path === '/files.info')).toBe(false);
    expect(answer?.text).toMatch(
      /^Only admins of East Lothian Integration Joint Board can import its Directions papers, and you are not one/,
    );
    await press('import.confirm', confirmValue, 'U0SOMEONE');
    expect(await response(/^Only admins/)).toBeDefined();
    expect(posted()).toHaveLength(1);
  });

  it('refuses an admin of another IJB (Midlothian) an East Lothian paper, without reading the file', async () => {
    const confirmValue = await previewed();
    await sendFile('U0MIDADM');
    const [answer] = await settle(1);
    expect(slack.requests.some((request) => request.path === '/files.info')).toBe(false);
    expect(answer?.text).toMatch(/^Only admins of East Lothian Integration Joint Board can import/);
    await press('import.confirm', confirmValue, 'U0MIDADM');
    expect(await response(/^Only admins/)).toBeDefined();
  });

  it('cancels without writing', async () => {
    const confirmValue = await previewed();
    await press('import.cancel', confirmValue);
    expect((await slack.waitFor(1)).find((request) => request.path === '/response')?.body.text).toBe(
      'Cancelled: nothing was imported.',
    );
    await harness.server.drain();
    expect(
      (await harness.store.getDirection('east-lothian', '2019-20', 'D04b'))?.deadlines[0]?.asWritten,
    ).toBe('by December 2020');
  });

  it('tells an admin what is wrong with a file that is not a paper', async () => {
    slack.answer(
      '/download/F0PAPER',
      new Uint8Array(3000).map((_, index) => (index * 37) % 256),
    );
    await sendFile('U0ADMIN', 'east-lothian 2019-20');
    expect((await settle(2)).at(-1)?.text).toMatch(
      /^Nothing was imported from el-directions-2019-20\.docx: el-directions-2019-20\.docx is named \.docx but is not a Word file/,
    );
  });

  it('explains itself under /direction import', async () => {
    const { body } = await harness.command('import');
    expect(visibleText(body)).toContain('Send me the Directions paper in a direct message');
  });
});
