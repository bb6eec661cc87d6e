import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LambdaEnv } from '../../../src/aws/lambda-config';
import { createNudgeLambdaHandler } from '../../../src/aws/nudge-lambda';
import { addDays, type LocalDate } from '../../../src/domain/local-date';
import { createNudgeWebClient, slackPoster } from '../../../src/nudges/slack/slack-poster';
import { createAskJob } from '../../../src/review/slack/asks';
import { createNudgeRecordStore } from '../../../src/store/nudge-records';
import { createReviewStore } from '../../../src/store/review-store';
import { click } from '../../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

/**
 * A whole review round on an injected clock, through signed requests to the real server, real
 * dynalite and the offline Slack stand-in: open → asks by DM → one answers, one says "no
 * change", one refuses → the daily job chases on the right working days (none at weekends or
 * in the festive break) → close → later updates leave the snapshot as it was.
 */
const LEAD2 = 'U0LEAD002';
const LEAD3 = 'U0LEAD003';
const ROUND = 'winter-check';
const CHANNEL_1_1 = 'C0LOCALITY';

let world: UpdatesWorld;
let runDay: (day: LocalDate) => Promise<unknown>;
let askAgain: () => Promise<void>;

beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2023-11-20T10:00:00Z'));
  world.slack.setMembers(CHANNEL_1_1, [LEAD2]);
  for (const assign of [`1.1 <@${LEAD2}|lead> <#${CHANNEL_1_1}|locality>`, `2.1 <@${LEAD3}|lead>`]) {
    const { body } = await world.harness.command(`assign ${assign}`, { userId: PEOPLE.admin });
    expect(JSON.stringify(body)).toContain(assign.slice(0, 3));
  }
  const { db, tableName } = world.harness;
  const env = {
    TABLE_NAME: tableName,
    AWS_REGION: 'eu-west-2',
    SLACK_API_URL: `${world.slack.url}/api/`,
    LOG_LEVEL: 'ERROR',
  };
  // The nudge Lambda's own handler: chases ride on the daily nudge run.
  const nudgeJob = createNudgeLambdaHandler({
    env: env as unknown as LambdaEnv,
    secrets: { botToken: 'xoxb-test', signingSecret: 'test' } as never,
    db,
    clock: () => world.now(),
  });
  runDay = (day) => {
    world.setNow(new Date(`${day}T08:00:00Z`));
    return nudgeJob({ date: day }, { getRemainingTimeInMillis: () => 120_000 });
  };
  const reviews = createReviewStore(db, tableName);
  const ask = createAskJob({
    store: world.harness.store,
    clock: () => world.now(),
    round: (ijbId, roundId) => reviews.get(ijbId, roundId),
    records: createNudgeRecordStore(db, tableName),
    poster: slackPoster(createNudgeWebClient({ token: 'xoxb-test', slackApiUrl: `${world.slack.url}/api/` })),
  });
  askAgain = () => ask({ ijbId: 'midlothian', roundId: ROUND });
});
afterAll(() => world.close());

const say = async (text: string, userId: string = PEOPLE.admin) => {
  const { body } = await world.harness.command(text, { userId });
  await world.harness.server.drain();
  return body;
};
const dmsTo = (user: string) => world.slack.posts().filter((post) => post.channel === user);
const chases = () =>
  world.slack.posts().filter((post) => String(post.text).startsWith('Reminder: winter check'));
// biome-ignore lint/suspicious/noExplicitAny: Slack JSON
const buttonIn = (post: any, actionId: string) =>
  post?.blocks
    .flatMap((block: { elements?: { action_id?: string; value?: string }[] }) => block.elements ?? [])
    .find((element: { action_id?: string }) => element.action_id === actionId);
const press = async (actionId: string, value: string, userId: string) => {
  const before = world.slack.requests.filter((request) => request.path === '/response').length;
  const { status } = await world.harness.interact(
    click({ actionId, value, userId, channel: `D${userId.slice(1)}`, responseUrl: world.slack.responseUrl }),
  );
  expect(status).toBe(200);
  const answers = await world.responses(before + 1);
  return String(answers.at(-1)?.text);
};

describe('a whole review round', () => {
  it('asks, takes answers and a refusal, chases on working days, closes, and keeps the snapshot', async () => {
    await say('update 5.1 on track: HSCP split done for 3 services', PEOPLE.lead);
    await say('update 1.1 on track: locality plans agreed', LEAD2);

    // Open: every lead is asked once, however often (and however concurrently) the job runs.
    world.setNow(new Date('2023-11-27T10:00:00Z'));
    const opened = await say('review open "winter check" closes 29 Dec 2023 for 1.1 2.1 5.1');
    expect(opened.text).toContain('Opened "winter check" over 3 directions');
    await Promise.all([askAgain(), askAgain()]);
    await askAgain();
    const asked = (user: string) =>
      dmsTo(user).filter((post) => String(post.text).startsWith('winter check'));
    expect(asked(PEOPLE.lead).map((post) => post.text)).toEqual([
      'winter check: your update on 5.1 is asked for by Fri 29 Dec 2023.',
    ]);
    expect(asked(LEAD2)).toHaveLength(1);
    expect(asked(LEAD3)).toHaveLength(1);

    // The lead of 5.1 says "No change"; 2.1's lead will answer late; 1.1's lead refuses.
    const noChange = buttonIn(asked(PEOPLE.lead)[0], 'review.no-change');
    expect(await press('review.no-change', noChange.value, PEOPLE.lead)).toBe(
      'Saved for 5.1: no change since Mon 20 Nov 2023.',
    );
    const decline = buttonIn(asked(LEAD2)[0], 'review.decline');
    expect(decline).toBeDefined();
    await world.harness.interact(
      click({
        actionId: 'review.decline',
        value: decline.value,
        userId: LEAD2,
        responseUrl: world.slack.responseUrl,
      }),
    );
    await world.harness.server.drain();
    const form = world.slack.calls('views.open').at(-1)?.view;
    expect(form?.callback_id).toBe('review.decline-form');
    // Someone who is not its lead cannot decline it.
    const strangerTry = await world.harness.interact(
      declineSubmission(form, PEOPLE.stranger, 'not me either'),
    );
    expect(strangerTry.body?.errors?.reason).toContain('Only a lead of 1.1');
    const declined = await world.harness.interact(
      declineSubmission(form, LEAD2, 'Moved to the Council team'),
    );
    expect(declined.status).toBe(200);
    await world.harness.server.drain();
    // The admins are told once the form has closed (the ack comes first).
    const told = `<@${LEAD2}> says 1.1 is not theirs to answer for "winter check": Moved to the Council team.`;
    await until(() => dmsTo(PEOPLE.admin).some((post) => String(post.text).startsWith(told)));
    await until(() =>
      dmsTo(LEAD2).some((post) => String(post.text).startsWith('Recorded: 1.1 is not yours')),
    );
    const status = await say('review status');
    expect(status.text).toContain('1 returned, 2 outstanding');
    expect(status.text).toContain(`1.1 declined by <@${LEAD2}>`);
    expect(JSON.stringify(status.blocks)).toContain('review.chase');

    // The daily job from the day after opening to 2 January: chases only on Wed 20 Dec (5
    // working days before the close) and Fri 22 Dec (the 2-day and close-day chases, which
    // fall in the festive break), never at a weekend or in the break.
    const chaseButton = (recipient: string) =>
      JSON.stringify({ ijbId: 'midlothian', roundId: ROUND, recipient });
    const chasedOn: Record<string, string[]> = {};
    for (let day = '2023-11-28'; day <= '2024-01-02'; day = addDays(day, 1)) {
      const before = chases().length;
      if (day === '2023-12-21') {
        world.setNow(new Date('2023-12-21T11:00:00Z'));
        await say('update 2.1 on track: two care homes re-tendered', LEAD3);
      }
      await runDay(day);
      if (day === '2023-12-20') await Promise.all([runDay(day), runDay(day)]);
      if (day === '2023-12-19') {
        // [Chase] in review status: admins of the round's IJB only, and it DMs now.
        expect(await press('review.chase', chaseButton(LEAD3), PEOPLE.stranger)).toBe(
          'Only IJB admins chase returns.',
        );
        expect(await press('review.chase', chaseButton(LEAD3), PEOPLE.admin)).toBe(
          `Chased <@${LEAD3}> about 2.1.`,
        );
      }
      if (day === '2023-12-20')
        expect(await press('review.chase', chaseButton(LEAD3), PEOPLE.admin)).toBe(
          `<@${LEAD3}> has been chased today already (one chase a day): not sent again.`,
        );
      const sent = chases().slice(before);
      if (sent.length) chasedOn[day] = sent.map((post) => post.channel).sort();
    }
    // 1.1's lead declined it: its team channel is chased instead. 2.1's lead answered on the 21st.
    expect(chasedOn).toEqual({
      '2023-12-19': [LEAD3],
      '2023-12-20': [CHANNEL_1_1, LEAD3],
      '2023-12-22': [CHANNEL_1_1],
    });
    const lastChase = chases().at(-1);
    expect(lastChase?.text).toBe(
      'Reminder: winter check closes Fri 29 Dec 2023. Your update is still owed on 1.1.',
    );
    expect(buttonIn(lastChase, 'review.no-change')).toBeDefined();

    // Close: the snapshot is what stood at the close, and stays so after later updates.
    world.setNow(new Date('2023-12-29T16:00:00Z'));
    expect((await say('review close')).text).toContain('Closed "winter check": 3 directions locked');
    const reviews = createReviewStore(world.harness.db, world.harness.tableName);
    const taken = await reviews.snapshot('midlothian', ROUND, 1);
    expect(Object.fromEntries(taken.map((entry) => [entry.ref, entry.returned]))).toEqual({
      '1.1': false,
      '2.1': true,
      '5.1': true,
    });
    world.setNow(new Date('2024-01-08T10:00:00Z'));
    await say('update 5.1 at risk: a service split slipped', PEOPLE.lead);
    await say('update 1.1 on track: handed to the Council team', LEAD2);
    expect((await world.direction('5.1')).status).toBe('at-risk');
    expect(await reviews.snapshot('midlothian', ROUND, 1)).toEqual(taken);
    // And no chase after the close.
    const after = chases().length;
    await runDay('2024-01-08');
    expect(chases()).toHaveLength(after);
  });
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not seen within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON
function declineSubmission(form: any, userId: string, reason: string) {
  return {
    type: 'view_submission',
    user: { id: userId, name: 'officer', team_id: 'T0LOCAL' },
    team: { id: 'T0LOCAL', domain: 'local' },
    api_app_id: 'A0LOCAL',
    trigger_id: `${Date.now()}.trigger`,
    view: {
      id: 'V0DECLINE',
      callback_id: form.callback_id,
      team_id: 'T0LOCAL',
      type: 'modal',
      hash: 'hash',
      private_metadata: form.private_metadata,
      blocks: [],
      state: { values: { reason: { value: { type: 'plain_text_input', value: reason } } } },
    },
  };
}
