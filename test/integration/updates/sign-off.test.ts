import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../support/harness';
import { click, submitForm } from '../../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../../support/updates-world';

// Each test gets its own world, and makes the proposal it acts on.
let world: UpdatesWorld;
beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
  await world.harness.command('update 5.1 on track: dashboard live in 3 services', { userId: PEOPLE.lead });
  await world.harness.server.drain();
});
afterEach(() => world.close());

function buttonValue(message: { blocks?: unknown }, actionId: string): string {
  const blocks = (typeof message.blocks === 'string' ? JSON.parse(message.blocks) : message.blocks) as {
    elements?: { action_id?: string; value?: string }[];
  }[];
  for (const block of blocks) {
    const found = block.elements?.find((element) => element.action_id === actionId);
    if (found?.value) return found.value;
  }
  throw new Error(`no ${actionId}`);
}

async function propose(ref: string, status: 'achieved' | 'retired', userId: string) {
  world.setNow(new Date(world.now().getTime() + 60_000));
  world.slack.requests.length = 0;
  await world.harness.command(`update ${ref}`, { userId, channelId: TEAM_CHANNEL });
  const [opened] = world.slack.calls('views.open');
  const { body } = await world.harness.interact(
    submitForm(
      { privateMetadata: opened.view.private_metadata },
      { status, text: 'All services now report by HSCP area', evidence: 'https://example.org/evidence' },
      userId,
    ),
  );
  await world.harness.server.drain();
  return body;
}

async function answered(count: number) {
  return (await world.responses(count)).map((body) => visibleText(body));
}

/** The lead proposes 5.1 as Achieved; the request the admin gets. */
async function proposeAchieved(): Promise<{ blocks?: unknown }> {
  await propose('5.1', 'achieved', PEOPLE.lead);
  const toAdmin = world.slack.calls('chat.postMessage').filter((call) => call.channel === PEOPLE.admin);
  if (!toAdmin[0]) throw new Error('no sign-off request');
  return toAdmin[0];
}

/** 5.1 proposed as Achieved and approved by the admin at 11:30. */
async function approveAchieved(): Promise<void> {
  const request = await proposeAchieved();
  world.setNow(new Date('2024-12-02T11:30:00Z'));
  world.slack.requests.length = 0;
  await world.harness.interact(
    click({
      actionId: 'update.sign-off.approve',
      value: buttonValue(request, 'update.sign-off.approve'),
      userId: PEOPLE.admin,
      channel: PEOPLE.admin,
      responseUrl: world.slack.responseUrl,
    }),
  );
  await world.responses(1);
  await world.harness.server.drain();
  if ((await world.direction('5.1')).status !== 'achieved') throw new Error('5.1 was not signed off');
}

describe('Achieved and Retire need evidence and an IJB admin’s sign-off', () => {
  it('keeps the status until sign-off, and asks the IJB admins with Approve and Send back', async () => {
    const body = await propose('5.1', 'achieved', PEOPLE.lead);
    expect(visibleText(body.view)).toContain(
      'An IJB admin will be asked to sign it off; until then 5.1 stays On track',
    );
    const direction = await world.direction('5.1');
    expect(direction.status).toBe('on-track');
    expect(direction.latestUpdate).toMatchObject({ proposal: 'achieved', signOff: 'pending' });
    const toAdmin = world.slack.calls('chat.postMessage').filter((call) => call.channel === PEOPLE.admin);
    expect(toAdmin).toHaveLength(1);
    expect(visibleText(toAdmin[0])).toContain(`<@${PEOPLE.lead}> proposes *5.1* as *Achieved*`);
  });

  it('refuses Approve from someone who is not an admin', async () => {
    const request = await proposeAchieved();
    world.slack.requests.length = 0;
    await world.harness.interact(
      click({
        actionId: 'update.sign-off.approve',
        value: buttonValue(request, 'update.sign-off.approve'),
        userId: PEOPLE.lead,
        responseUrl: world.slack.responseUrl,
      }),
    );
    const [answer] = await answered(1);
    expect(answer).toContain('Only IJB admins can sign off a direction');
    expect((await world.direction('5.1')).status).toBe('on-track');
  });

  it('on approval closes the direction, records who and when, and tells the lead; a second approval is refused', async () => {
    // Prepare
    const request = await proposeAchieved();
    // Act
    world.setNow(new Date('2024-12-02T11:30:00Z'));
    world.slack.requests.length = 0;
    const value = buttonValue(request, 'update.sign-off.approve');
    await world.harness.interact(
      click({
        actionId: 'update.sign-off.approve',
        value,
        userId: PEOPLE.admin,
        channel: PEOPLE.admin,
        responseUrl: world.slack.responseUrl,
      }),
    );
    const [decided] = await answered(1);
    await world.harness.server.drain();
    await world.harness.interact(
      click({
        actionId: 'update.sign-off.approve',
        value,
        userId: PEOPLE.admin,
        responseUrl: world.slack.responseUrl,
      }),
    );
    const [, again] = await answered(2);
    // Assess
    expect(decided).toContain(`<@${PEOPLE.admin}> signed off *5.1* as *Achieved*`);
    expect(again).toContain(`<@${PEOPLE.admin}> already approved that proposal for 5.1 on Mon 2 Dec 2024`);
    expect((await world.direction('5.1')).status).toBe('achieved');
    const due = await world.harness.store.listDue('midlothian', '2023-24', {
      from: '2025-01-01',
      to: '2025-01-31',
    });
    expect(due.map((entry) => entry.ref)).not.toContain('5.1');
    const toLead = world.slack.calls('chat.postMessage').filter((call) => call.channel === PEOPLE.lead);
    expect(visibleText(toLead[0])).toContain('signed off *5.1* as *Achieved*');
    const history = visibleText((await world.harness.command('history 5.1', { userId: PEOPLE.lead })).body);
    expect(history).toContain(
      `*2 Dec 2024 11:30* · <@${PEOPLE.admin}> :white_check_mark: approved *Achieved* (proposed by <@${PEOPLE.lead}>)`,
    );
    expect(history).toContain('proposes *Achieved* (approved)');
  });

  it('lets only an admin reopen a signed-off direction, with a new update', async () => {
    await approveAchieved();
    const refused = await world.harness.command('update 5.1 on track: more to do', { userId: PEOPLE.lead });
    expect(visibleText(refused.body)).toContain('5.1 is Achieved, signed off by an IJB admin. Only an admin');
    world.setNow(new Date('2024-12-02T12:00:00Z'));
    const reopened = await world.harness.command(
      'update 5.1 at risk: reopened: the Council dataset is incomplete',
      { userId: PEOPLE.admin },
    );
    expect(visibleText(reopened.body)).toContain('*Saved*');
    expect((await world.direction('5.1')).status).toBe('at-risk');
    const due = await world.harness.store.listDue('midlothian', '2023-24', {
      from: '2025-01-01',
      to: '2025-01-31',
    });
    expect(due.map((entry) => entry.ref)).toContain('5.1');
  });

  it('sends a proposal back with a reason (required), recorded, and the proposer is told why', async () => {
    // Prepare: the admin proposes retiring 7.1; a second admin, added in Slack, is asked to sign it off
    // (never the proposer: four eyes).
    world.setNow(new Date('2024-12-03T09:00:00Z'));
    await world.harness.command(`admins add <@${PEOPLE.admin2}>`, { userId: PEOPLE.admin });
    await propose('7.1', 'retired', PEOPLE.admin);
    const [ask] = world.slack.calls('chat.postMessage').filter((call) => call.channel === PEOPLE.admin2);
    expect(
      world.slack.calls('chat.postMessage').filter((call) => call.channel === PEOPLE.admin),
    ).toHaveLength(0);
    world.slack.requests.length = 0;
    // Act: Send back opens a form asking what is missing
    await world.harness.interact(
      click({
        actionId: 'update.sign-off.send-back',
        value: buttonValue(ask, 'update.sign-off.send-back'),
        userId: PEOPLE.admin2,
        channel: PEOPLE.admin2,
        in: { kind: 'message', ts: '1700000500.000100' },
        responseUrl: world.slack.responseUrl,
      }),
    );
    await world.slack.waitFor(1);
    const [form] = world.slack.calls('views.open');
    expect(form.view.callback_id).toBe('update.send-back-form');
    const submit = (reason: string | null) =>
      world.harness.interact({
        type: 'view_submission',
        user: { id: PEOPLE.admin2, name: 'admin2' },
        team: { id: 'T0LOCAL', domain: 'local' },
        api_app_id: 'A0LOCAL',
        view: {
          id: 'V-send-back',
          callback_id: 'update.send-back-form',
          private_metadata: form.view.private_metadata,
          state: { values: { reason: { value: { type: 'plain_text_input', value: reason } } } },
        },
      });
    const empty = await submit(null);
    const sent = await submit('The minute you link does not say the direction is replaced');
    await world.harness.server.drain();
    // Assess
    expect(empty.body).toEqual({
      response_action: 'errors',
      errors: { reason: 'Say what is missing, so the lead knows what to do' },
    });
    expect(sent.status).toBe(200);
    expect((await world.direction('7.1')).status).toBe('not-reported');
    const told = world.slack.calls('chat.postMessage').filter((call) => call.channel === PEOPLE.admin);
    expect(visibleText(told[0])).toContain('sent back');
    expect(visibleText(told[0])).toContain('The minute you link does not say the direction is replaced');
    const [marked] = world.slack.calls('chat.update').filter((call) => call.channel === PEOPLE.admin2);
    expect(marked.ts).toBe('1700000500.000100');
    const history = visibleText((await world.harness.command('history 7.1', { userId: PEOPLE.admin })).body);
    expect(history).toContain('sent back the proposal of *Retired*');
    expect(history).toContain('> The minute you link does not say the direction is replaced');
  });
});
