import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../../src/local/server';
import { slackSignatureHeaders } from '../../../src/slack/signature';
import { createThreadAnchorStore } from '../../../src/store/thread-anchors';
import { updateKeys } from '../../../src/store/update-keys';
import { TEST_SECRET, visibleText } from '../../support/harness';
import { click, messageEvent, submitForm } from '../../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
let cardTs: string;
const DM = 'D0LEADDM1';

// Each test gets its own world: no conversation, update or clock carries over from another.
beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
  cardTs = (await world.cardTs('5.1')) as string;
  await world.harness.command('update 5.1 on track: dashboard live in 3 services', { userId: PEOPLE.lead });
  await world.harness.server.drain();
  world.setNow(new Date('2024-12-09T10:00:00Z'));
});
afterEach(() => world.close());

/** What the bot said since the requests were cleared: postMessage and postEphemeral, in order. */
function botSaid() {
  return world.slack.requests
    .filter(
      (request) => request.path === '/api/chat.postMessage' || request.path === '/api/chat.postEphemeral',
    )
    .map((request) => ({
      ...request.body,
      blocks: JSON.parse(request.body.blocks ?? '[]'),
      ephemeral: request.path.endsWith('Ephemeral'),
    }));
}

/** Sends a message and waits for the bot's `expected` answers (then a little quiet, so none is left over). */
async function say(
  text: string,
  where: { channel: string; channelType: 'im' | 'channel'; threadTs?: string; user?: string; ts?: string },
  expected = 1,
) {
  const before = botSaid().length;
  const { status } = await world.harness.event(
    messageEvent({ user: where.user ?? PEOPLE.lead, text, ...where }),
  );
  expect(status).toBe(200);
  await waitUntil(() => botSaid().length >= before + expected);
  await settle();
  return botSaid().slice(before);
}

/** Waits until the bot has said nothing new for a moment and no job is running. */
async function settle() {
  for (let seen = -1; seen !== botSaid().length; ) {
    seen = botSaid().length;
    await world.harness.server.drain();
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
}

async function press(
  message: { blocks: unknown[]; channel: string },
  actionId: string,
  label?: string,
  user: string = PEOPLE.lead,
) {
  const before = botSaid().length;
  const value = buttonValue(message.blocks, actionId, label);
  await world.harness.interact(
    click({ actionId, value, userId: user, channel: message.channel, responseUrl: world.slack.responseUrl }),
  );
  await waitUntil(() => botSaid().length > before || world.slack.calls('views.open').length > 0);
  await settle();
  return botSaid().slice(before);
}

function buttonValue(blocks: unknown[], actionId: string, label?: string): string {
  for (const block of blocks as {
    elements?: { action_id?: string; value?: string; text?: { text: string } }[];
  }[]) {
    const found = block.elements?.find(
      (element) => element.action_id === actionId && (!label || element.text?.text === label),
    );
    if (found?.value) return found.value;
  }
  throw new Error(`no ${actionId} ${label ?? ''} button`);
}

async function waitUntil(done: () => boolean, ms = 3_000) {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('an update by conversation, in a DM with the bot', () => {
  it('asks status, what happened (quoting the last update), evidence, then saves on Save', async () => {
    // Act + Assess, turn by turn
    world.slack.requests.length = 0;
    const [asked] = await say('update 5.1', { channel: DM, channelType: 'im' });
    expect(visibleText(asked)).toContain('How is *5.1* going?');
    expect(asked?.channel).toBe(DM);
    expect(asked?.thread_ts).toBeUndefined();

    const [whatHappened] = await press(asked as never, 'update.convo.status', 'At risk');
    expect(visibleText(whatHappened)).toContain(
      'What has happened since the last update (2 Dec 2024: “dashboard live in 3 services”)?',
    );
    const [answered] = await world.responses(1);
    expect(answered.replace_original).toBe(true);
    expect(visibleText(answered)).toContain('→ At risk');

    const [evidence] = await say('Data sharing agreement with NHS Lothian not signed', {
      channel: DM,
      channelType: 'im',
    });
    expect(visibleText(evidence)).toContain('Any evidence link? (or *skip*)');

    const [summary] = await say('skip', { channel: DM, channelType: 'im' });
    expect(visibleText(summary)).toContain('Here is your update to *5.1* · *At risk*');
    expect(visibleText(summary)).toContain('> Data sharing agreement with NHS Lothian not signed');

    const [saved] = await press(summary as never, 'update.convo.save');
    expect(visibleText(saved)).toContain('*Saved* your update to *5.1*');
    expect((await world.direction('5.1')).status).toBe('at-risk');
    const stored = await world.storedUpdates('5.1');
    expect(stored.filter((item) => item.via === 'conversation')).toHaveLength(1);

    // A second press of Save is the same update, not another
    const [again] = await press(summary as never, 'update.convo.save');
    expect(visibleText(again)).toContain('That update to 5.1 is saved already');
    expect((await world.storedUpdates('5.1')).filter((item) => item.via === 'conversation')).toHaveLength(1);
  });

  it('keeps its state in DynamoDB: another server instance carries it on', async () => {
    world.slack.requests.length = 0;
    await say('5.1 off track: analyst post vacant', { channel: DM, channelType: 'im' });
    const stored = await world.harness.db.send(
      new GetCommand({
        TableName: world.harness.tableName,
        Key: updateKeys.conversation(DM, 'dm', PEOPLE.lead),
      }),
    );
    expect(stored.Item).toMatchObject({
      step: 'evidence',
      draft: { status: 'off-track', text: 'analyst post vacant' },
    });

    // Prepare a second instance (as a new Lambda invocation would be) on the same table
    const other = await startLocalServer(world.harness.config, {
      store: world.harness.store,
      db: world.harness.db,
      clock: () => world.now(),
    });
    try {
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T0LOCAL',
        api_app_id: 'A0LOCAL',
        event_id: 'EvOTHER1',
        event: messageEvent({
          user: PEOPLE.lead,
          text: 'https://example.org/vacancy',
          channel: DM,
          channelType: 'im',
        }),
      });
      const before = botSaid().length;
      await fetch(`http://127.0.0.1:${other.port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...slackSignatureHeaders(TEST_SECRET, body) },
        body,
      });
      await waitUntil(() => botSaid().length > before);
      expect(visibleText(botSaid().at(-1))).toContain('Here is your update to *5.1* · *Off track*');
    } finally {
      await other.stop();
    }
    const [cancelled] = await say('cancel', { channel: DM, channelType: 'im' });
    expect(visibleText(cancelled)).toContain('Cancelled the update to *5.1*. Nothing was saved.');
  });

  it('forgets a conversation after a day of silence, and says so, giving the words back', async () => {
    world.slack.requests.length = 0;
    await say('5.1 at risk: the board paper slipped to March', { channel: DM, channelType: 'im' });
    world.setNow(new Date('2024-12-10T10:00:01Z'));
    const said = await say('https://example.org/board', { channel: DM, channelType: 'im' }, 2);
    expect(visibleText(said[0])).toContain('expired after a day of silence, so nothing was saved');
    expect(visibleText(said[0])).toContain('the board paper slipped to March');
    expect(visibleText(said[1])).toContain('which direction is this about?');
  });

  it('takes a redelivered message event once', async () => {
    world.slack.requests.length = 0;
    const event = messageEvent({
      user: PEOPLE.lead,
      text: 'update 5.1',
      channel: 'D0LEADDM2',
      channelType: 'im',
    });
    await world.harness.event(event, { eventId: 'EvSAME' });
    await world.harness.event(event, { eventId: 'EvSAME', retryNum: 1 });
    await waitUntil(() => botSaid().length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(botSaid()).toHaveLength(1);
    await say('cancel', { channel: 'D0LEADDM2', channelType: 'im' });
  });

  it('offers Edit, which opens the form with the draft; saving it ends the conversation', async () => {
    world.slack.requests.length = 0;
    await say('5.2 on track: analyst appointed', {
      channel: 'D0ADMINDM',
      channelType: 'im',
      user: PEOPLE.admin,
    });
    const [summary] = await say('skip', { channel: 'D0ADMINDM', channelType: 'im', user: PEOPLE.admin });
    await press(summary as never, 'update.convo.edit', undefined, PEOPLE.admin);
    const [opened] = world.slack.calls('views.open');
    const text = opened.view.blocks.find((block: { block_id?: string }) => block.block_id === 'text');
    expect(text.element.initial_value).toBe('analyst appointed');
    const { body } = await world.harness.interact(
      submitForm(
        { privateMetadata: opened.view.private_metadata },
        { status: 'on-track', text: 'analyst appointed, starts in January' },
        PEOPLE.admin,
      ),
    );
    expect(visibleText(body.view)).toContain('*Saved*');
    await waitUntil(() => botSaid().some((message) => message.text?.includes('from the form')));
    const [closed] = await say('save', { channel: 'D0ADMINDM', channelType: 'im', user: PEOPLE.admin });
    expect(visibleText(closed)).toContain('Which direction is this update about?');
  });
});

describe('a reply in the thread of a status card or a nudge', () => {
  it('starts the flow from a reply to the status card, taking what the reply already says', async () => {
    world.setNow(new Date('2024-12-11T09:00:00Z'));
    world.slack.requests.length = 0;
    const [evidence] = await say('on track: agreement signed by both partners', {
      channel: TEAM_CHANNEL,
      channelType: 'channel',
      threadTs: cardTs,
      user: PEOPLE.member,
    });
    expect(evidence?.thread_ts).toBe(cardTs);
    expect(visibleText(evidence)).toContain('Any evidence link?');
    const [summary] = await say('https://example.org/dsa-signed', {
      channel: TEAM_CHANNEL,
      channelType: 'channel',
      threadTs: cardTs,
      user: PEOPLE.member,
    });
    const [saved] = await say('save', {
      channel: TEAM_CHANNEL,
      channelType: 'channel',
      threadTs: cardTs,
      user: PEOPLE.member,
    });
    expect(visibleText(summary)).toContain('*On track*');
    expect(visibleText(saved)).toContain('*Saved*');
    expect((await world.direction('5.1')).latestUpdate).toMatchObject({
      by: PEOPLE.member,
      evidence: ['https://example.org/dsa-signed'],
    });
  });

  it('asks which direction when a nudge covers several, and asks gently whether a bare reply is an update', async () => {
    await createThreadAnchorStore(world.harness.db, world.harness.tableName).put({
      channel: TEAM_CHANNEL,
      ts: '1700009999.000100',
      kind: 'nudge',
      directions: [
        { ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' },
        { ijbId: 'midlothian', planYear: '2023-24', ref: '5.2' },
      ],
      createdAt: '2024-12-11T08:00:00.000Z',
    });
    world.slack.requests.length = 0;
    const [choose] = await say('thanks all', {
      channel: TEAM_CHANNEL,
      channelType: 'channel',
      threadTs: '1700009999.000100',
      user: PEOPLE.admin,
    });
    expect(visibleText(choose)).toContain('which direction is this about?');
    const [status] = await press(choose as never, 'update.convo.choose', '5.2', PEOPLE.admin);
    expect(visibleText(status)).toContain('is this an update? How is *5.2* going?');
    const [cancelled] = await press(status as never, 'update.convo.cancel', 'Not an update', PEOPLE.admin);
    expect(visibleText(cancelled)).toContain('Nothing was saved');
  });

  it('tells only the person, privately, when they may not update, and stores nothing', async () => {
    // A nudge in another channel (one that subscribed): typing there proves nothing about the team channel
    await createThreadAnchorStore(world.harness.db, world.harness.tableName).put({
      channel: 'C0SUBSCRIB',
      ts: '1700008888.000100',
      kind: 'nudge',
      directions: [{ ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' }],
      createdAt: '2024-12-11T08:00:00.000Z',
    });
    world.slack.requests.length = 0;
    const [refusal] = await say('on track: all fine', {
      channel: 'C0SUBSCRIB',
      channelType: 'channel',
      threadTs: '1700008888.000100',
      user: 'U0VISITOR',
    });
    expect(refusal?.ephemeral).toBe(true);
    expect(refusal?.user).toBe('U0VISITOR');
    expect(visibleText(refusal)).toContain('Only its lead');
    const conversation = await world.harness.db.send(
      new GetCommand({
        TableName: world.harness.tableName,
        Key: updateKeys.conversation('C0SUBSCRIB', '1700008888.000100', 'U0VISITOR'),
      }),
    );
    expect(conversation.Item).toBeUndefined();
  });

  it('ignores channel messages that are not in such a thread', async () => {
    world.slack.requests.length = 0;
    await world.harness.event(
      messageEvent({
        user: PEOPLE.lead,
        text: 'on track: lunch is late',
        channel: TEAM_CHANNEL,
        channelType: 'channel',
      }),
    );
    await world.harness.event(
      messageEvent({
        user: PEOPLE.lead,
        text: 'on track',
        channel: TEAM_CHANNEL,
        channelType: 'channel',
        threadTs: '1600000000.000001',
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(botSaid()).toHaveLength(0);
  });
});
