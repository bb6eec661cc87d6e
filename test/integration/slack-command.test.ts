import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { slackSignatureHeaders, slashCommandBody } from '../../src/slack/signature';
import type { RegisterStore } from '../../src/store/register-store';
import { type Harness, instrumentStore, startHarness, TEST_SECRET, visibleText } from '../support/harness';
import { startSlackStandIn } from '../support/slack-stand-in';

// 20 Dec 2024, 10:00 in Edinburgh: the last working day before the festive break.
let now = new Date('2024-12-20T10:00:00Z');
let harness: Harness;
let calls: string[];

beforeAll(async () => {
  harness = await startHarness({
    clock: () => now,
    wrapStore: (store: RegisterStore) => {
      const instrumented = instrumentStore(store);
      calls = instrumented.calls;
      return instrumented.store;
    },
  });
});
afterAll(() => harness.close());
afterEach(() => {
  now = new Date('2024-12-20T10:00:00Z');
});

describe('/direction <ref>', () => {
  it('shows the whole direction privately, with deadline, working days left and status', async () => {
    const { status, body } = await harness.command('5.1');
    expect(status).toBe(200);
    expect(body.response_type).toBe('ephemeral');
    const text = visibleText(body);
    expect(text).toContain('5.1 · Health Inequalities');
    expect(text).toContain('systems and data have the capabilities to collect and filter data');
    expect(text).toContain('data quality assurance, by January 2025.');
    expect(text).toContain('NHS Lothian and Midlothian Council');
    expect(text).toContain('by January 2025 (Fri 31 Jan 2025) · 26 working days left');
    expect(text).toContain('Not yet reported');
    expect(text).toContain('No updates yet.');
    expect(text).toContain('Update progress');
    expect(body.blocks.length).toBeLessThanOrEqual(50);
  });

  it('says overdue by working days once the deadline has passed', async () => {
    now = new Date('2024-02-05T09:00:00Z');
    const { body } = await harness.command('1.1');
    expect(visibleText(body)).toContain(
      'by January 2024 (Wed 31 Jan 2024) · :warning: overdue by 3 working days',
    );
  });

  it('shows a run of years without inventing a due day', async () => {
    const { body } = await harness.command('9.2');
    expect(visibleText(body)).toContain('in 2023-24, 2024-25, and 2025-26 (runs to Tue 31 Mar 2026)');
  });

  it('shows directions with no deadline as ongoing', async () => {
    const { body } = await harness.command('8.1');
    expect(visibleText(body)).toContain('No deadline set (ongoing)');
  });

  it('posts in the channel when asked to share', async () => {
    const { body } = await harness.command('5.1 share');
    expect(body.response_type).toBe('in_channel');
    expect(visibleText(body)).toContain('5.1 · Health Inequalities');
  });

  it('takes the plan year explicitly, and says which years are loaded when it is not', async () => {
    expect(visibleText((await harness.command('2023-24 5.1')).body)).toContain('5.1 · Health Inequalities');
    const { status, body } = await harness.command('2021-22 5.1');
    expect(status).toBe(200);
    expect(visibleText(body)).toContain(
      'No 2021-22 register is loaded here. Loaded: Midlothian 2023-24, East Lothian 2019-20.',
    );
  });

  it('names the nearest refs for an unknown one', async () => {
    const { status, body } = await harness.command('5.3');
    expect(status).toBe(200);
    expect(visibleText(body)).toContain('No 5.3 in Midlothian 2023-24. Did you mean *5.1* or *5.2*?');
    expect(body.text).toBe('No 5.3 in Midlothian 2023-24. Did you mean 5.1 or 5.2?');
  });

  it('reads a lookup with at most two DynamoDB requests', async () => {
    await harness.command('5.1'); // warm the IJB profile cache
    calls.length = 0;
    await harness.command('5.2');
    expect(calls).toEqual(['getDirection']);
  });
});

describe('another IJB in the same register', () => {
  it('looks up East Lothian by name: its budget line, functions, oversight and delivery plan', async () => {
    const { status, body } = await harness.command('east-lothian D10j');
    expect(status).toBe(200);
    const text = visibleText(body);
    expect(text).toContain('D10j · Primary Care');
    expect(text).toContain('East Lothian Integration Joint Board · Directions 2019-20');
    expect(text).toContain('New direction · replaces D10i (2018-19)');
    expect(text).toContain('*Budget (Primary Care)*\n£17,922k');
    expect(text).toContain('*Delegated functions*\nPrimary Medical Services and General Medical Services');
    expect(text).toContain('*Delivery plan* · 2 key actions');
    expect(text).toContain('Develop eHealth and infrastructure to support primary care services.');
  });

  it('finds a ref in another IJB, saying so, and keeps sub-commands on the workspace’s own IJB', async () => {
    const found = visibleText((await harness.command('D10J')).body);
    expect(found).toContain("D10j is East Lothian's (2019-20); Midlothian has no D10j.");
    expect(found).toContain('D10j · Primary Care');
    const text = visibleText((await harness.command('east-lothian update D10j on track: fine')).body);
    expect(text).toContain("`/direction update` works on this workspace's own IJB");
  });
});

describe('/direction help, search, list, due, overdue', () => {
  it('explains itself with examples, bare or with help', async () => {
    for (const text of ['', 'help']) {
      const { body } = await harness.command(text);
      expect(visibleText(body)).toContain('/direction search unpaid carers');
    }
  });

  it('searches, forgiving typos, with a one-line summary each', async () => {
    const { body } = await harness.command('search carrers');
    const text = visibleText(body);
    expect(text).toContain('*6.1* · Support for Carers');
    expect(text).toContain('*6.2* · Support for Carers');
    expect(text).not.toContain('*5.1*');
  });

  it('treats other text as a search, including non-ASCII text', async () => {
    expect(visibleText((await harness.command('frailty')).body)).toContain('3.2 · ');
    expect((await harness.command('café “quoted” — naïve')).status).toBe(200);
  });

  it('lists every direction by theme', async () => {
    const text = visibleText((await harness.command('list')).body);
    for (const ref of ['1.1', '5.1', '6.1', '9.2']) expect(text).toContain(`*${ref}*`);
  });

  it('lists what falls due in a month, grouped by deadline', async () => {
    const { body } = await harness.command('due january');
    const text = visibleText(body);
    expect(text).toContain('Due in January 2025: 1 · Midlothian 2023-24');
    expect(text).toContain('*Fri 31 Jan 2025* · 26 working days left');
    expect(text).toContain('*5.1*');
    expect(text).not.toContain('*1.1*');
  });

  it('lists what falls due in the next N days, soonest first', async () => {
    now = new Date('2023-12-15T10:00:00Z');
    const text = visibleText((await harness.command('due 60 days')).body);
    expect(text).toContain('*Wed 31 Jan 2024*');
    expect(text.match(/• \*/g)?.length).toBe(16);
    expect(text).toContain('16 directions, soonest first');
  });

  it('says when nothing is due, and where to look', async () => {
    const { body } = await harness.command('due 5 days');
    expect(visibleText(body)).toContain('Due in the next 5 days: none in Midlothian 2023-24.');
  });

  it('lists overdue directions', async () => {
    now = new Date('2024-02-05T09:00:00Z');
    const text = visibleText((await harness.command('overdue')).body);
    expect(text).toContain('Overdue: 16 · Midlothian 2023-24');
    expect(text).toContain('16 directions');
    expect(text).not.toContain('*5.1*');
  });

  it('answers a bad due window with what to type instead', async () => {
    const text = visibleText((await harness.command('due whenever')).body);
    expect(text).toContain('I did not understand “whenever”');
    expect(text).toContain('/direction due in 60 days');
  });

  it('says which sub-commands are still to come instead of searching for them', async () => {
    const text = visibleText((await harness.command('report 2023-24')).body);
    expect(text).toContain('`/direction report` is coming soon');
  });
});

describe('request signatures', () => {
  const body = slashCommandBody({ text: '5.1' });

  it('refuses a wrong signature with 401 before any listener runs', async () => {
    calls.length = 0;
    const response = await harness.post(body, slackSignatureHeaders('not-the-secret', body));
    expect(response.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a missing signature with 401', async () => {
    calls.length = 0;
    expect((await harness.post(body, {})).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a request signed more than five minutes ago', async () => {
    calls.length = 0;
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await harness.post(body, slackSignatureHeaders(TEST_SECRET, body, stale));
    expect(response.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a body changed after signing', async () => {
    const headers = slackSignatureHeaders(TEST_SECRET, body);
    const tampered = body.replace('text=5.1', 'text=5.2');
    expect((await harness.post(tampered, headers)).status).toBe(401);
  });

  it('accepts a request signed four minutes ago', async () => {
    const recent = Math.floor(Date.now() / 1000) - 4 * 60;
    expect((await harness.post(body, slackSignatureHeaders(TEST_SECRET, body, recent))).status).toBe(200);
  });
});

describe('card buttons', () => {
  const value = JSON.stringify({ ijbId: 'midlothian', planYear: '2023-24', ref: '5.2' });
  const click = (actionId: string, responseUrl: string, buttonValue = value) => ({
    type: 'block_actions',
    user: { id: 'U0LOCAL' },
    team: { id: 'T0LOCAL' },
    channel: { id: 'C0LOCAL' },
    api_app_id: 'A0LOCAL',
    trigger_id: '1.local',
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: buttonValue, action_ts: '1' }],
  });

  it('opens the direction a button names', async () => {
    const slack = await startSlackStandIn();
    try {
      expect((await harness.interact(click('direction.open', slack.responseUrl))).status).toBe(200);
      const [posted] = await slack.waitFor(1);
      expect(visibleText(posted?.body)).toContain('5.2 · Health Inequalities');
      expect(posted?.body.response_type).toBe('ephemeral');
    } finally {
      await slack.close();
    }
  });

  it('shares the card in the channel', async () => {
    const slack = await startSlackStandIn();
    try {
      await harness.interact(click('direction.share', slack.responseUrl));
      const [posted] = await slack.waitFor(1);
      expect(posted?.body.response_type).toBe('in_channel');
    } finally {
      await slack.close();
    }
  });

  it('answers the History button with the direction’s history', async () => {
    const slack = await startSlackStandIn();
    try {
      expect((await harness.interact(click('direction.history', slack.responseUrl))).status).toBe(200);
      const [posted] = await slack.waitFor(1);
      expect(posted?.body.text).toContain('No updates on 5.2 yet');
    } finally {
      await slack.close();
    }
  });

  it('answers a button it cannot read with a way forward', async () => {
    const slack = await startSlackStandIn();
    try {
      await harness.interact(click('direction.open', slack.responseUrl, 'not json'));
      const [posted] = await slack.waitFor(1);
      expect(posted?.body.text).toContain('Run the command again');
    } finally {
      await slack.close();
    }
  });
});
