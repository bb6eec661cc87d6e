import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackSignatureHeaders, slashCommandBody } from '../../../src/slack/signature';
import { TEST_SECRET, visibleText } from '../../support/harness';
import { click } from '../../support/slack-payloads';
import {
  OTHER_CHANNEL,
  PEOPLE,
  startUpdatesWorld,
  TEAM_CHANNEL,
  type UpdatesWorld,
} from '../../support/updates-world';

// Each test gets its own world (register, clock, Slack stand-in): none sees another's updates.
let world: UpdatesWorld;
beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
});
afterEach(() => world.close());

const undoValue = (body: unknown) => {
  const button = JSON.stringify(body).match(/"action_id":"update\.undo","value":"((?:[^"\\]|\\.)*)"/);
  if (!button?.[1]) throw new Error('no Undo button');
  return JSON.parse(`"${button[1]}"`) as string;
};

describe('/direction update <ref> <status>: <text> — one line', () => {
  it('saves the update, says what it understood, and offers Undo', async () => {
    // Prepare
    const before = await world.direction('5.1');
    // Act
    const { status, body } = await world.harness.command(
      'update 5.1 amber: data sharing agreement with NHS Lothian not signed',
      { userId: PEOPLE.lead, channelId: OTHER_CHANNEL },
    );
    await world.harness.server.drain();
    // Assess
    expect(status).toBe(200);
    const text = visibleText(body);
    expect(text).toContain('*Saved* your update to *5.1*');
    expect(text).toContain('I read “amber” as At risk');
    expect(text).toContain('> data sharing agreement with NHS Lothian not signed');
    expect(text).toContain('Undo');
    const after = await world.direction('5.1');
    expect(before.status).toBe('not-reported');
    expect(after.status).toBe('at-risk');
    expect(after.latestUpdate).toMatchObject({
      by: PEOPLE.lead,
      text: 'data sharing agreement with NHS Lothian not signed',
    });
    expect(await world.storedUpdates('5.1')).toHaveLength(1);
  });

  it('reads status words loosely: behind, at-risk, on track, done', async () => {
    let minute = 0;
    for (const [words, status] of [
      ['behind', 'off-track'],
      ['At-Risk -', 'at-risk'],
      ['on trak,', 'on-track'],
    ] as const) {
      world.setNow(new Date(Date.UTC(2024, 11, 2, 10, ++minute)));
      await world.harness.command(`update 5.2 ${words} recruitment to the analyst post continues`, {
        userId: PEOPLE.admin,
      });
      expect((await world.direction('5.2')).status).toBe(status);
    }
  });

  it('posts the update in the status card’s thread and edits the card in place', async () => {
    world.slack.requests.length = 0;
    await world.harness.command('update 5.1 on track: agreement signed', { userId: PEOPLE.lead });
    await world.harness.server.drain();
    const [cardEdit] = world.slack.calls('chat.update');
    expect(cardEdit.channel).toBe(TEAM_CHANNEL);
    expect(cardEdit.text).toBe('5.1 · On track');
    const [reply] = world.slack.calls('chat.postMessage');
    expect(reply.channel).toBe(TEAM_CHANNEL);
    expect(reply.thread_ts).toBe(cardEdit.ts);
    expect(visibleText(reply)).toContain('agreement signed');
  });

  it('creates one update when the same command arrives twice (a retry)', async () => {
    const count = (await world.storedUpdates('5.1')).length;
    const body = slashCommandBody({
      text: 'update 5.1 on track: retried once',
      userId: PEOPLE.lead,
      triggerId: '777.retry',
    });
    const first = await world.harness.post(body, slackSignatureHeaders(TEST_SECRET, body));
    const second = await world.harness.post(body, slackSignatureHeaders(TEST_SECRET, body));
    expect(visibleText(first.body)).toContain('*Saved*');
    expect(visibleText(second.body)).toContain('*Saved*');
    expect(await world.storedUpdates('5.1')).toHaveLength(count + 1);
  });

  it('says exactly what was wrong and gives the text back, saving nothing', async () => {
    const count = (await world.storedUpdates('5.1')).length;
    const cases: [string, string][] = [
      ['update 5.1 going fine I think', 'I could not tell how 5.1 is going from “going fine I think”'],
      ['update 5.1 achieved: dashboard live in all services', 'Achieved needs evidence for sign-off'],
      [`update 5.1 at risk: ${'x'.repeat(3100)}`, 'That is 3,100 characters; keep it to 3,000'],
      ['update', 'Which direction is this about?'],
    ];
    for (const [command, problem] of cases) {
      const text = visibleText((await world.harness.command(command, { userId: PEOPLE.lead })).body);
      expect(text).toContain(problem);
    }
    const achieved = visibleText(
      (
        await world.harness.command('update 5.1 achieved: dashboard live in all services', {
          userId: PEOPLE.lead,
        })
      ).body,
    );
    expect(achieved).toContain('/direction update 5.1 achieved: dashboard live in all services');
    expect(await world.storedUpdates('5.1')).toHaveLength(count);
  });

  it('names the nearest refs for an unknown one, as buttons that carry the text on', async () => {
    const text = visibleText(
      (await world.harness.command('update 5.3 on track: fine', { userId: PEOPLE.lead })).body,
    );
    expect(text).toContain('there is no *5.3* in Midlothian 2023-24');
    expect(text).toContain('Send it to 5.1');
    expect(text).toContain('Send it to 5.2');
  });
});

describe('who may update', () => {
  it('refuses someone who is not a lead, team member or admin, and says whom to ask', async () => {
    const count = (await world.storedUpdates('5.1')).length;
    const { body } = await world.harness.command('update 5.1 on track: I think it is fine', {
      userId: PEOPLE.stranger,
      channelId: OTHER_CHANNEL,
    });
    const text = visibleText(body);
    expect(text).toContain(
      `Only its lead (<@${PEOPLE.lead}>), members of <#${TEAM_CHANNEL}>, IJB admins can update 5.1`,
    );
    expect(text).toContain(`Ask <@${PEOPLE.lead}> to post it`);
    expect(text).toContain('/direction update 5.1 on track: I think it is fine');
    expect(await world.storedUpdates('5.1')).toHaveLength(count);
  });

  it('lets a team channel member update, from the channel or (asking Slack) from anywhere', async () => {
    const fromChannel = await world.harness.command('update 5.1 on track: typed in the team channel', {
      userId: PEOPLE.stranger,
      channelId: TEAM_CHANNEL,
    });
    expect(visibleText(fromChannel.body)).toContain('*Saved*');
    const asked = await world.harness.command('update 5.1 on track: typed in a DM', {
      userId: PEOPLE.member,
      channelId: 'D0MEMBER',
    });
    expect(visibleText(asked.body)).toContain('*Saved*');
    expect(world.slack.calls('conversations.members').some((call) => call.channel === TEAM_CHANNEL)).toBe(
      true,
    );
  });

  it('lets an IJB admin update any direction', async () => {
    const { body } = await world.harness.command('update 7.1 not started: waiting for the new strategy', {
      userId: PEOPLE.admin,
    });
    expect(visibleText(body)).toContain('*Saved*');
  });

  it('explains that a direction without a lead needs an admin to assign one', async () => {
    const { body } = await world.harness.command('update 8.1 on track: fine', { userId: PEOPLE.stranger });
    expect(visibleText(body)).toContain('8.1 has no lead yet: ask an IJB admin');
    expect(visibleText(body)).toContain('/direction assign 8.1 @lead #team-channel');
  });
});

describe('undo within 15 minutes', () => {
  it('withdraws the update and puts the status back; later, or for someone else, it is refused', async () => {
    // Prepare
    world.setNow(new Date('2024-12-03T09:00:00Z'));
    await world.harness.command('update 3.1 on track: care home pilot started', { userId: PEOPLE.admin });
    world.setNow(new Date('2024-12-03T09:01:00Z'));
    const wrong = await world.harness.command('update 3.1 off track: pilot paused', { userId: PEOPLE.admin });
    expect((await world.direction('3.1')).status).toBe('off-track');
    const value = undoValue(wrong.body);
    // Act: a stranger tries, then the author, 14 minutes on
    const responseUrl = world.slack.responseUrl;
    world.slack.requests.length = 0;
    await world.harness.interact(click({ actionId: 'update.undo', value, userId: PEOPLE.lead, responseUrl }));
    await world.responses(1);
    world.setNow(new Date('2024-12-03T09:14:00Z'));
    await world.harness.interact(
      click({ actionId: 'update.undo', value, userId: PEOPLE.admin, responseUrl }),
    );
    const answers = (await world.responses(2)).map((body) => visibleText(body));
    await world.harness.server.drain();
    // Assess
    expect(answers[0]).toContain(`Only <@${PEOPLE.admin}>, who posted it, can undo that update`);
    expect(answers[1]).toContain('*Undone.*');
    expect(answers[1]).toContain('now :large_green_circle: On track');
    const direction = await world.direction('3.1');
    expect(direction.status).toBe('on-track');
    expect(direction.latestUpdate?.text).toBe('care home pilot started');
    const stored = await world.storedUpdates('3.1');
    expect(stored).toHaveLength(2);
    expect(stored.filter((item) => item.withdrawn)).toHaveLength(1);
  });

  it('refuses an undo after 15 minutes: a correction is then a new update', async () => {
    world.setNow(new Date('2024-12-04T09:00:00Z'));
    const saved = await world.harness.command('update 3.2 at risk: frailty hub delayed', {
      userId: PEOPLE.admin,
    });
    world.setNow(new Date('2024-12-04T09:15:01Z'));
    world.slack.requests.length = 0;
    await world.harness.interact(
      click({
        actionId: 'update.undo',
        value: undoValue(saved.body),
        userId: PEOPLE.admin,
        responseUrl: world.slack.responseUrl,
      }),
    );
    const [answer] = await world.responses(1);
    expect(visibleText(answer)).toContain('more than 15 minutes since you saved that update to 3.2');
    expect((await world.direction('3.2')).status).toBe('at-risk');
  });
});
