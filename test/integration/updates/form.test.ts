import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visibleText } from '../../support/harness';
import { click, submitForm } from '../../support/slack-payloads';
import {
  OTHER_CHANNEL,
  PEOPLE,
  startUpdatesWorld,
  TEAM_CHANNEL,
  type UpdatesWorld,
} from '../../support/updates-world';

let world: UpdatesWorld;
// Each test gets its own world: no update, revision or clock carries over from another.
beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
  await world.harness.command(
    'update 5.1 on track: dashboard live in 3 services https://example.org/dashboard',
    { userId: PEOPLE.lead },
  );
  await world.harness.server.drain();
  world.setNow(new Date('2024-12-02T10:05:00Z'));
});
afterEach(() => world.close());

const direction51 = JSON.stringify({ ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' });

/** Opens the form for 5.1 as `userId` and returns the view Slack was asked to open. */
async function openForm(userId: string = PEOPLE.lead, channelId: string = TEAM_CHANNEL) {
  world.slack.requests.length = 0;
  const { status, body } = await world.harness.command('update 5.1', {
    userId,
    channelId,
    triggerId: `trigger-${Math.random()}`,
  });
  expect(status).toBe(200);
  expect(body).toBeUndefined();
  const [opened] = world.slack.calls('views.open');
  return opened;
}

describe('/direction update 5.1 — the form', () => {
  it('opens at once with the trigger, prefilled with the last update', async () => {
    const opened = await openForm();
    expect(opened.trigger_id).toMatch(/^trigger-/);
    expect(opened.view.callback_id).toBe('update.form');
    expect(opened.view.title.text).toBe('Update 5.1');
    const blocks = opened.view.blocks;
    const byId = (id: string) => blocks.find((block: { block_id?: string }) => block.block_id === id);
    expect(byId('status').element.initial_option.value).toBe('on-track');
    expect(
      byId('status').element.options.map((option: { text: { text: string } }) => option.text.text),
    ).toEqual(['Not started', 'On track', 'At risk', 'Off track', 'Achieved', 'Propose retire']);
    expect(byId('text').element.initial_value).toBe(
      'dashboard live in 3 services https://example.org/dashboard',
    );
    expect(byId('evidence').element.initial_value).toBe('https://example.org/dashboard');
    expect(byId('expectedDate').optional).toBe(true);
    expect(byId('nextSteps').optional).toBe(true);
  });

  it('opens from the card’s (or a digest’s) Update button too', async () => {
    world.slack.requests.length = 0;
    await world.harness.interact(
      click({
        actionId: 'direction.update',
        value: direction51,
        userId: PEOPLE.lead,
        channel: TEAM_CHANNEL,
        responseUrl: world.slack.responseUrl,
      }),
    );
    await world.slack.waitFor(1);
    expect(world.slack.calls('views.open')).toHaveLength(1);
  });

  it('puts each problem on its field, and keeps what was typed', async () => {
    const opened = await openForm();
    const { body } = await world.harness.interact(
      submitForm(
        { id: 'V-bad', privateMetadata: opened.view.private_metadata },
        {
          status: 'at-risk',
          text: 'x'.repeat(3001),
          evidence: 'the minutes',
          expectedDate: '2024-11-30',
        },
        PEOPLE.lead,
      ),
    );
    expect(body.response_action).toBe('errors');
    expect(body.errors).toEqual({
      text: 'That is 3,001 characters; keep it to 3,000 (link a longer report as evidence)',
      evidence: '“the minutes” is not a link: links start https://',
      expectedDate: 'The revised date Sat 30 Nov 2024 is in the past: pick today or later',
    });
  });

  it('saves, then turns the form into a receipt with Edit and Undo; a re-submission is one update', async () => {
    // Prepare
    const opened = await openForm();
    const before = (await world.storedUpdates('5.1')).length;
    const submission = submitForm(
      { id: 'V-good', privateMetadata: opened.view.private_metadata },
      {
        status: 'at-risk',
        text: 'Data sharing agreement with NHS Lothian not signed',
        evidence: 'https://example.org/minutes\nhttps://example.org/dsa',
        expectedDate: '2025-03-31',
        nextSteps: 'Escalate to the Chief Officer',
      },
      PEOPLE.lead,
    );
    // Act
    const first = await world.harness.interact(submission);
    const again = await world.harness.interact(submission);
    await world.harness.server.drain();
    // Assess
    expect(first.body.response_action).toBe('update');
    const receipt = visibleText(first.body.view);
    expect(receipt).toContain('*Saved* your update to *5.1*');
    expect(receipt).toContain('On track → :large_orange_circle: At risk');
    expect(receipt).toContain('*Revised expected date* Mon 31 Mar 2025');
    expect(receipt).toContain('Undo');
    expect(visibleText(again.body.view)).toContain('one update, not two');
    const stored = await world.storedUpdates('5.1');
    expect(stored).toHaveLength(before + 1);
    expect(
      stored.find((item) => item.text === 'Data sharing agreement with NHS Lothian not signed'),
    ).toMatchObject({
      via: 'form',
      evidence: ['https://example.org/minutes', 'https://example.org/dsa'],
      expectedDate: '2025-03-31',
      nextSteps: 'Escalate to the Chief Officer',
    });
    const after = await world.direction('5.1');
    expect(
      after.status,
      JSON.stringify({ after, stored: stored.map((item) => [item.at, item.id, item.status]) }),
    ).toBe('at-risk');
    // The next form starts from this update, revised date included while it is ahead
    const next = await openForm();
    const date = next.view.blocks.find((block: { block_id?: string }) => block.block_id === 'expectedDate');
    expect(date.element.initial_date).toBe('2025-03-31');
  });

  it('tells someone who may not update, on the field, keeping their text', async () => {
    const opened = await openForm(PEOPLE.stranger, TEAM_CHANNEL); // typed in the channel: allowed to open
    const { body } = await world.harness.interact(
      submitForm(
        { privateMetadata: opened.view.private_metadata.replace(TEAM_CHANNEL, OTHER_CHANNEL) },
        { status: 'on-track', text: 'fine' },
        PEOPLE.stranger,
      ),
    );
    expect(body.response_action).toBe('errors');
    expect(body.errors.text).toContain('Not saved. Only its lead (@U0LEAD001)');
  });

  it('answers a stranger at once, without a form, when no check with Slack can help', async () => {
    world.slack.requests.length = 0;
    const { body } = await world.harness.command('update 8.1', { userId: PEOPLE.stranger });
    expect(visibleText(body)).toContain('8.1 has no lead yet');
    expect(world.slack.calls('views.open')).toHaveLength(0);
  });

  it('asks Slack after opening when only team channel membership could allow it, and replaces the form if not', async () => {
    await openForm(PEOPLE.stranger, OTHER_CHANNEL);
    await world.harness.server.drain();
    const [replaced] = world.slack.calls('views.update');
    expect(replaced.view_id).toMatch(/^V/);
    expect(visibleText(replaced.view)).toContain('Only its lead');
  });

  it('says so, and suggests one line, when Slack will not open the form', async () => {
    world.slack.answerWith((request) =>
      request.path.endsWith('/views.open') ? { body: { ok: false, error: 'expired_trigger_id' } } : undefined,
    );
    const { body } = await world.harness.command('update 5.1', { userId: PEOPLE.lead });
    world.slack.answerWith(undefined);
    expect(visibleText(body)).toContain('I could not open the update form (Slack said: expired_trigger_id)');
    expect(visibleText(body)).toContain('/direction update 5.1 on track: what has happened');
  });
});

describe('edit within 15 minutes', () => {
  it('opens the form on the update, keeps the earlier wording as a revision, and refuses after 15 minutes', async () => {
    // Prepare
    world.setNow(new Date('2024-12-05T14:00:00Z'));
    const saved = await world.harness.command('update 5.2 at risk: analyst post vacant', {
      userId: PEOPLE.admin,
    });
    const edit = JSON.stringify(saved.body).match(
      /"action_id":"update\.edit","value":"((?:[^"\\]|\\.)*)"/,
    )?.[1] as string;
    const value = JSON.parse(`"${edit}"`) as string;
    // Act: Edit opens the form prefilled with that update; submit a new wording
    world.slack.requests.length = 0;
    world.setNow(new Date('2024-12-05T14:10:00Z'));
    await world.harness.interact(
      click({ actionId: 'update.edit', value, userId: PEOPLE.admin, responseUrl: world.slack.responseUrl }),
    );
    await world.slack.waitFor(1);
    const [opened] = world.slack.calls('views.open');
    expect(opened.view.title.text).toBe('Edit 5.2');
    const { body } = await world.harness.interact(
      submitForm(
        { privateMetadata: opened.view.private_metadata },
        { status: 'off-track', text: 'analyst post vacant; recruitment paused' },
        PEOPLE.admin,
      ),
    );
    await world.harness.server.drain();
    // Assess
    expect(visibleText(body.view)).toContain('*Edited* your update to *5.2*');
    const direction = await world.direction('5.2');
    expect(direction.status).toBe('off-track');
    expect(direction.latestUpdate?.text).toBe('analyst post vacant; recruitment paused');
    const history = visibleText((await world.harness.command('history 5.2', { userId: PEOPLE.admin })).body);
    expect(history).toContain('edited 1×, earlier wording kept');
    // After 15 minutes the Edit button says no
    world.setNow(new Date('2024-12-05T14:16:00Z'));
    world.slack.requests.length = 0;
    await world.harness.interact(
      click({ actionId: 'update.edit', value, userId: PEOPLE.admin, responseUrl: world.slack.responseUrl }),
    );
    const [late] = await world.responses(1);
    expect(visibleText(late)).toContain('more than 15 minutes since you saved that update to 5.2');
  });
});
