import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../support/harness';
import { PEOPLE, startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../support/updates-world';

let world: UpdatesWorld;

beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-20T10:00:00Z'));
});
afterAll(() => world.close());

async function until<T>(read: () => T[], count: number): Promise<T[]> {
  const deadline = Date.now() + 3_000;
  while (read().length < count) {
    if (Date.now() > deadline) throw new Error(`got ${read().length} of ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return read();
}

const base = {
  team: { id: 'T0LOCAL', domain: 'local' },
  api_app_id: 'A0LOCAL',
  token: 'deprecated',
};

describe('App Home', () => {
  it('is published when the Home tab opens: my directions with their buttons, within 100 blocks', async () => {
    const before = world.slack.calls('views.publish').length;
    const { status } = await world.harness.event({
      type: 'app_home_opened',
      user: PEOPLE.lead,
      channel: 'D0LEADHOME',
      tab: 'home',
      event_ts: '1700000300.000001',
    });
    expect(status).toBe(200);
    const published = (await until(() => world.slack.calls('views.publish'), before + 1)).at(-1);
    expect(published.user_id).toBe(PEOPLE.lead);
    expect(published.view.type).toBe('home');
    expect(published.view.blocks.length).toBeLessThanOrEqual(100);
    const text = visibleText(published.view);
    expect(text).toContain('My directions');
    expect(text).toContain('*5.1*');
    expect(text).toContain('Due in the next 60 working days');
    expect(text).not.toContain('Awaiting your sign-off'); // the lead is not an admin
  });

  it('is published again for the lead when an update to their direction is saved', async () => {
    const before = world.slack.calls('views.publish').length;
    await world.harness.command('update 5.1 at risk: DSA not signed', {
      userId: PEOPLE.lead,
      channelId: TEAM_CHANNEL,
    });
    await world.harness.server.drain();
    const published = (await until(() => world.slack.calls('views.publish'), before + 1)).at(-1);
    expect(published.user_id).toBe(PEOPLE.lead);
    expect(visibleText(published.view)).toContain('DSA not signed');
  });
});

describe('shortcuts', () => {
  it('"Look up a direction" opens a search box, and answers with the card', async () => {
    const before = world.slack.calls('views.open').length;
    await world.harness.interact({
      ...base,
      type: 'shortcut',
      callback_id: 'lookup_direction',
      trigger_id: '1.lookup',
      user: { id: PEOPLE.member, team_id: 'T0LOCAL' },
    });
    const opened = (await until(() => world.slack.calls('views.open'), before + 1)).at(-1);
    expect(opened.view.callback_id).toBe('lookup.search');

    const { body } = await world.harness.interact({
      ...base,
      type: 'view_submission',
      trigger_id: '2.lookup',
      user: { id: PEOPLE.member, team_id: 'T0LOCAL' },
      view: {
        id: 'V1',
        callback_id: 'lookup.search',
        type: 'modal',
        private_metadata: '',
        blocks: [],
        state: { values: { q: { q: { type: 'plain_text_input', value: '5.1' } } } },
      },
    });
    expect(body.response_action).toBe('update');
    expect(visibleText(body.view)).toContain('5.1');
  });

  it('"Report progress" opens the update form with the message text and its permalink as evidence', async () => {
    const before = world.slack.calls('views.open').length;
    await world.harness.interact({
      ...base,
      type: 'message_action',
      callback_id: 'report_from_message',
      trigger_id: '3.report',
      user: { id: PEOPLE.lead, team_id: 'T0LOCAL' },
      channel: { id: TEAM_CHANNEL, name: 'data-team' },
      message_ts: '1700000400.000100',
      message: { type: 'message', ts: '1700000400.000100', text: '5.1: the DSA is signed by both partners' },
      response_url: world.slack.responseUrl,
    });
    const opened = (await until(() => world.slack.calls('views.open'), before + 1)).at(-1);
    expect(world.slack.calls('chat.getPermalink').at(-1)).toMatchObject({
      channel: TEAM_CHANNEL,
      message_ts: '1700000400.000100',
    });
    const field = (id: string) =>
      opened.view.blocks.find((block: { block_id?: string }) => block.block_id === id)?.element
        ?.initial_value;
    expect(field('text')).toBe('5.1: the DSA is signed by both partners');
    expect(field('evidence')).toContain('1700000400000100');
  });

  it('asks which direction first when the message names none', async () => {
    const before = world.slack.calls('views.open').length;
    await world.harness.interact({
      ...base,
      type: 'message_action',
      callback_id: 'report_from_message',
      trigger_id: '4.report',
      user: { id: PEOPLE.lead, team_id: 'T0LOCAL' },
      channel: { id: TEAM_CHANNEL, name: 'data-team' },
      message_ts: '1700000400.000200',
      message: { type: 'message', ts: '1700000400.000200', text: 'The DSA is signed' },
      response_url: world.slack.responseUrl,
    });
    const opened = (await until(() => world.slack.calls('views.open'), before + 1)).at(-1);
    expect(opened.view.callback_id).toBe('update.from-message');
    const { body } = await world.harness.interact({
      ...base,
      type: 'view_submission',
      trigger_id: '5.report',
      user: { id: PEOPLE.lead, team_id: 'T0LOCAL' },
      view: {
        id: 'V2',
        callback_id: 'update.from-message',
        type: 'modal',
        private_metadata: opened.view.private_metadata,
        blocks: [],
        state: { values: { ref: { ref: { type: 'plain_text_input', value: '5.1' } } } },
      },
    });
    expect(body.response_action).toBe('update');
    const text = body.view.blocks.find((block: { block_id?: string }) => block.block_id === 'text');
    expect(text.element.initial_value).toBe('The DSA is signed');
  });
});
