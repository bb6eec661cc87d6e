import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../support/harness';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack-stand-in';

let slack: SlackStandIn;
let harness: Harness;
const CHANNEL = 'C0BOARDPAP';

beforeAll(async () => {
  slack = await startSlackStandIn();
  harness = await startHarness({
    clock: () => new Date('2024-06-14T10:00:00Z'),
    env: { SLACK_API_URL: `${slack.url}/api/` },
  });
  slack.answer('/api/files.getUploadURLExternal', {
    ok: true,
    upload_url: `${slack.url}/upload/F0PAPER`,
    file_id: 'F0PAPER',
  });
  slack.answer('/api/files.completeUploadExternal', { ok: true, files: [{ id: 'F0PAPER' }] });
});
afterAll(async () => {
  await harness.close();
  await slack.close();
});

const text = (body: { text?: string }) => body.text ?? '';

describe('/direction report in Slack', () => {
  it('acks at once, then uploads the Word board paper to the channel', async () => {
    slack.requests.length = 0;
    const ack = await harness.command('report', { channelId: CHANNEL });
    expect(ack.status).toBe(200);
    expect(text(ack.body)).toContain('Making the 2023-24 board paper (docx)');
    await harness.server.drain();

    const [asked] = slack.calls('files.getUploadURLExternal');
    expect(asked.filename).toBe('midlothian-directions-2023-24-outcomes-2024-06-14.docx');
    expect(Number(asked.length)).toBeGreaterThan(10_000);
    expect(slack.requests.some((request) => request.path === '/upload/F0PAPER')).toBe(true);
    const [completed] = slack.calls('files.completeUploadExternal');
    expect(completed.channel_id).toBe(CHANNEL);
    expect(completed.files).toEqual([
      { id: 'F0PAPER', title: 'midlothian-directions-2023-24-outcomes-2024-06-14.docx' },
    ]);
  });

  it('makes the CSV when asked for it, for the year named', async () => {
    slack.requests.length = 0;
    const ack = await harness.command('2023-24 report csv', { channelId: CHANNEL });
    expect(text(ack.body)).toContain('2023-24 board paper (csv)');
    await harness.server.drain();
    const [asked] = slack.calls('files.getUploadURLExternal');
    expect(asked.filename).toBe('midlothian-directions-2023-24-outcomes-2024-06-14.csv');
  });

  it('tells the asker, and uploads nothing, when the year has no directions', async () => {
    slack.requests.length = 0;
    await harness.command('2012-13 report', { channelId: CHANNEL });
    await harness.server.drain();
    expect(slack.calls('files.getUploadURLExternal')).toEqual([]);
    const [told] = slack.calls('chat.postEphemeral');
    expect(told.text).toContain('Midlothian has no directions or outcomes for 2012-13');
  });

  it('refuses a format it does not make; with a ref, report is a progress update', async () => {
    const pdf = await harness.command('report pdf', { channelId: CHANNEL });
    expect(text(pdf.body)).toContain('docx, csv, md or json');
    const ref = await harness.command('report 5.1 on track', { channelId: CHANNEL });
    expect(text(ref.body)).toContain('Your update to 5.1 was not saved: Say what has happened');
  });
});
