import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../src/store/keys';
import { visibleText } from '../../support/harness';
import { click, submitForm } from '../../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../../support/updates-world';

/**
 * Who may write is decided by the request: Slack says who is in a team channel (a click proves
 * nothing), admins are admins of their own IJB, and a proposal needs someone other than its proposer.
 * Two Midlothian admins and one East Lothian admin are configured (east-lothian:U0EASTADM).
 */
let world: UpdatesWorld;
beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'), { secondAdmin: true });
});
afterAll(() => world.close());

const EAST = { ijbId: 'east-lothian', planYear: '2019-20', ref: 'D10j' };
const keyOf = (ref: string) => JSON.stringify({ ijbId: 'midlothian', planYear: '2023-24', ref });

/** Moves the clock on a minute, so each test's updates are newer than the last test's. */
function tick() {
  world.setNow(new Date(world.now().getTime() + 60_000));
}

async function storedUpdates(key: { ijbId: string; planYear: string; ref: string }) {
  const { Items = [] } = await world.harness.db.send(
    new QueryCommand({
      TableName: world.harness.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.direction(key.ijbId, key.planYear, key.ref).pk,
        ':prefix': `UPD#${key.ref}#`,
      },
    }),
  );
  return Items;
}

async function until(condition: () => boolean) {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5_000) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await world.harness.server.drain();
  }
}

/** What the clicker was told through response_url, once it arrives. */
async function answerText(): Promise<string> {
  const [answer] = await world.responses(1);
  return visibleText(answer);
}

/**
 * Clicks [Update progress] on a card for `value`, as `userId`, on a message in `channel`, and
 * waits for the deferred jobs (the membership check). Slack's record starts afresh here.
 */
async function clickUpdate(value: string, userId: string, channel: string) {
  world.slack.requests.length = 0;
  await world.harness.interact(
    click({ actionId: 'direction.update', value, userId, channel, responseUrl: world.slack.responseUrl }),
  );
  await world.slack.waitFor(1);
  await world.harness.server.drain();
  const [opened] = world.slack.calls('views.open');
  return { opened: opened?.view as { private_metadata: string } | undefined };
}

/** Clicks a sign-off button (Approve or Send back) as `userId`, and returns what the clicker was told. */
async function clickSignOff(action: 'approve' | 'send-back', value: object, userId: string) {
  world.slack.requests.length = 0;
  await world.harness.interact(
    click({
      actionId: `update.sign-off.${action}`,
      value: JSON.stringify(value),
      userId,
      channel: userId,
      responseUrl: world.slack.responseUrl,
    }),
  );
  const answer = await answerText();
  await world.harness.server.drain();
  return { answer, opened: world.slack.calls('views.open').length > 0 };
}

/** Proposes `ref` as Achieved in one line, as `userId`; returns the pending update's id. */
async function proposeAchieved(ref: string, userId: string): Promise<string> {
  tick();
  const { body } = await world.harness.command(
    `update ${ref} achieved: all services report by HSCP area https://example.org/evidence`,
    { userId },
  );
  expect(visibleText(body)).toContain('*Saved*');
  await world.harness.server.drain();
  const direction = await world.direction(ref);
  expect(direction.latestUpdate).toMatchObject({ proposal: 'achieved', signOff: 'pending' });
  return direction.latestUpdate?.id as string;
}

describe('team channel membership is proven by Slack, not by where a button was clicked', () => {
  it('refuses a non-member’s click on [Update progress] in the team channel, and stores nothing', async () => {
    // Act: a stranger, not in #data-team (conversations.members says so), clicks the card there
    tick();
    const before = (await storedUpdates({ ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' })).length;
    const { opened } = await clickUpdate(keyOf('5.1'), PEOPLE.stranger, TEAM_CHANNEL);
    // The check with Slack runs after the ack, as a job: wait for its answer to replace the form.
    await until(() => world.slack.calls('views.update').length > 0);
    const [replaced] = world.slack.calls('views.update');
    // The form (opened at once, while the trigger is fresh) is submitted anyway
    const { body } = await world.harness.interact(
      submitForm(
        { privateMetadata: opened?.private_metadata ?? '' },
        { status: 'on-track', text: 'all fine here' },
        PEOPLE.stranger,
      ),
    );
    await world.harness.server.drain();
    // Assess
    expect(visibleText(replaced?.view)).toContain('Only its lead');
    expect(body.response_action).toBe('errors');
    expect(body.errors.text).toContain('Not saved. Only its lead');
    const after = await storedUpdates({ ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' });
    expect(after).toHaveLength(before);
    expect(after.some((item) => item.by === PEOPLE.stranger)).toBe(false);
  });

  it('lets a member of the team channel update through the same button: Slack says they are in it', async () => {
    tick();
    const { opened } = await clickUpdate(keyOf('5.1'), PEOPLE.member, TEAM_CHANNEL);
    expect(world.slack.calls('views.update')).toHaveLength(0);
    const { body } = await world.harness.interact(
      submitForm(
        { privateMetadata: opened?.private_metadata ?? '' },
        { status: 'at-risk', text: 'the Council extract is late' },
        PEOPLE.member,
      ),
    );
    expect(body.response_action).toBe('update');
    const stored = await storedUpdates({ ijbId: 'midlothian', planYear: '2023-24', ref: '5.1' });
    expect(
      stored.some((item) => item.by === PEOPLE.member && item.text === 'the Council extract is late'),
    ).toBe(true);
  });
});

describe('admins are admins of their own IJB only', () => {
  it('refuses a Midlothian admin updating East Lothian’s D10j through its card, by click or by form', async () => {
    // Act
    tick();
    const before = (await storedUpdates(EAST)).length;
    const { opened } = await clickUpdate(JSON.stringify(EAST), PEOPLE.admin, 'C0EASTTEAM');
    const answer = await answerText();
    const submitted = await world.harness.interact(
      submitForm(
        { privateMetadata: JSON.stringify({ ...EAST, mode: 'new' }) },
        { status: 'on-track', text: 'written from Midlothian' },
        PEOPLE.admin,
      ),
    );
    // Assess
    expect(opened).toBeUndefined();
    expect(answer).toContain('can update D10j');
    expect(submitted.body.response_action).toBe('errors');
    expect(submitted.body.errors.text).toContain('Not saved.');
    expect(await storedUpdates(EAST)).toHaveLength(before);
  });

  it('refuses a Midlothian admin approving an East Lothian proposal; the lone East Lothian admin is told to add a second', async () => {
    // Prepare: East Lothian's admin proposes D10j as Achieved through the card's form
    tick();
    const { opened } = await clickUpdate(JSON.stringify(EAST), PEOPLE.eastAdmin, 'C0EASTTEAM');
    world.slack.requests.length = 0;
    await world.harness.interact(
      submitForm(
        { privateMetadata: opened?.private_metadata ?? '' },
        { status: 'achieved', text: 'Replaced by D10k', evidence: 'https://example.org/minute' },
        PEOPLE.eastAdmin,
      ),
    );
    await world.harness.server.drain();
    const direction = await world.harness.store.getDirection(EAST.ijbId, EAST.planYear, EAST.ref);
    const proposal = { ...EAST, id: direction?.latestUpdate?.id as string };
    const posts = world.slack.calls('chat.postMessage');
    const told = posts.filter((call) => call.channel === PEOPLE.eastAdmin);
    const askedMidlothian = posts.some((call) => [PEOPLE.admin, PEOPLE.admin2].includes(call.channel));
    // Act
    const midlothian = await clickSignOff('approve', proposal, PEOPLE.admin);
    const self = await clickSignOff('approve', proposal, PEOPLE.eastAdmin);
    // Assess
    expect(direction?.latestUpdate).toMatchObject({ proposal: 'achieved', signOff: 'pending' });
    expect(askedMidlothian).toBe(false);
    expect(visibleText(told.at(-1))).toContain('/direction admins add @colleague');
    expect(midlothian.answer).toContain(
      `Only IJB admins can sign off a direction as achieved or retired. Ask one of them: <@${PEOPLE.eastAdmin}>.`,
    );
    expect(self.answer).toContain("so someone else must sign it off, and you are this IJB's only admin");
    const listed = visibleText(
      (await world.harness.command('sign-offs east-lothian', { userId: PEOPLE.eastAdmin })).body,
    );
    expect(listed).toContain('*D10j*');
    expect(listed).toContain('You proposed this: another IJB admin signs it off.');
    const refused = visibleText(
      (await world.harness.command('sign-offs east-lothian', { userId: PEOPLE.admin })).body,
    );
    expect(refused).toContain('Only IJB admins can sign off directions');
    const after = await world.harness.store.getDirection(EAST.ijbId, EAST.planYear, EAST.ref);
    expect(after?.status).toBe(direction?.status);
    expect(after?.latestUpdate?.signOff).toBe('pending');
  });
});

describe('sign-off needs a second person', () => {
  it('never asks the proposer, refuses their own Approve and Send back, and lets a second admin approve', async () => {
    // Prepare
    world.slack.requests.length = 0;
    const id = await proposeAchieved('7.2', PEOPLE.admin);
    const asked = world.slack.calls('chat.postMessage').map((call) => call.channel);
    const proposal = { ijbId: 'midlothian', planYear: '2023-24', ref: '7.2', id };
    // Act
    const approve = await clickSignOff('approve', proposal, PEOPLE.admin);
    const sendBack = await clickSignOff('send-back', proposal, PEOPLE.admin);
    const unchanged = await world.direction('7.2');
    tick();
    const second = await clickSignOff('approve', proposal, PEOPLE.admin2);
    // Assess
    expect(asked).toContain(PEOPLE.admin2);
    expect(asked).not.toContain(PEOPLE.admin);
    expect(approve.answer).toContain(
      `You proposed this for 7.2, so someone else must sign it off: ask <@${PEOPLE.admin2}>.`,
    );
    expect(sendBack.answer).toContain('so someone else must sign it off');
    expect(sendBack.opened).toBe(false);
    expect(unchanged.status).toBe('not-reported');
    expect(second.answer).toContain(`<@${PEOPLE.admin2}> signed off *7.2* as *Achieved*`);
    expect((await world.direction('7.2')).status).toBe('achieved');
  });

  it('shows a pending proposal on the card, in list, mine and the history, and in /direction sign-offs', async () => {
    // Prepare: the lead of 6.1 proposes it as Achieved
    await world.harness.command(`assign 6.1 <@${PEOPLE.lead}>`, { userId: PEOPLE.admin });
    await world.harness.server.drain();
    world.setNow(new Date('2024-12-02T15:00:00Z'));
    await proposeAchieved('6.1', PEOPLE.lead);
    const pending = `Achieved proposed by <@${PEOPLE.lead}> on 2 Dec 2024 — awaiting sign-off`;
    // Act
    const read = async (text: string, userId: string) =>
      visibleText((await world.harness.command(text, { userId })).body);
    const card = await read('6.1', PEOPLE.member);
    const list = await read('list', PEOPLE.member);
    const mine = await read('mine', PEOPLE.lead);
    const history = await read('history 6.1', PEOPLE.member);
    const signOffs = (await world.harness.command('sign-offs', { userId: PEOPLE.admin2 })).body;
    const notAdmin = await read('sign-offs', PEOPLE.lead);
    // Assess
    expect(card).toContain('Not yet reported');
    expect(card).toContain(pending);
    expect(list).toContain(pending);
    expect(mine).toContain(pending);
    expect(history.split('\n').slice(0, 3).join('\n')).toContain(pending);
    expect(visibleText(signOffs)).toContain('*6.1*');
    expect(visibleText(signOffs)).toContain(pending);
    const buttons = JSON.stringify(signOffs.blocks);
    expect(buttons).toContain('update.sign-off.approve');
    expect(buttons).toContain('update.sign-off.send-back');
    expect(notAdmin).toContain('Only IJB admins can sign off directions');
  });
});

describe('/direction admins remove', () => {
  it('removes an admin added in Slack; refuses a configured admin, and anyone who is not an admin', async () => {
    const third = 'U0THIRD01';
    const say = async (text: string, userId: string) =>
      visibleText((await world.harness.command(text, { userId })).body);
    await say(`admins add <@${third}>`, PEOPLE.admin);
    const stranger = await say(`admins remove <@${third}>`, PEOPLE.stranger);
    const configured = await say(`admins remove <@${PEOPLE.admin}>`, PEOPLE.admin2);
    const removed = await say(`admins remove <@${third}>`, PEOPLE.admin2);
    expect(stranger).toContain('Only IJB admins can remove admins');
    expect(configured).toContain('set in the deployment (DIRECTIONS_ADMINS)');
    expect(removed).toContain(`<@${third}> is no longer an IJB admin of Midlothian`);
    expect(await say('admins', PEOPLE.member)).not.toContain(third);
  });
});
