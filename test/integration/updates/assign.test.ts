import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createThreadAnchorStore } from '../../../src/store/thread-anchors';
import { visibleText } from '../../support/harness';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

// Each test gets its own world: assignments and admins added by one never reach another.
let world: UpdatesWorld;
beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
});
afterEach(() => world.close());

const NEW_LEAD = 'U0NEWLEAD';
const CARERS = 'C0CARERS1';

/** 6.1 led by the new lead and the lead of 5.1, with #carers as its team channel. */
async function assignCarers(): Promise<void> {
  await world.harness.command(`assign 6.1 <@${NEW_LEAD}|new.lead> <@${PEOPLE.lead}> <#${CARERS}|carers>`, {
    userId: PEOPLE.admin,
  });
  await world.harness.server.drain();
}

describe('/direction assign (IJB admins)', () => {
  it('is refused to anyone else, naming the admins', async () => {
    const { body } = await world.harness.command(`assign 6.1 <@${NEW_LEAD}> <#${CARERS}>`, {
      userId: PEOPLE.lead,
    });
    expect(visibleText(body)).toContain(
      `Only IJB admins can assign leads and team channels. Ask one of them: <@${PEOPLE.admin}>.`,
    );
    expect((await world.direction('6.1')).leads).toEqual([]);
  });

  it('explains what it could not read', async () => {
    const cases: [string, string][] = [
      ['assign 6.1 @jane #carers', 'I cannot tell who or which channel “@jane”, “#carers” is'],
      ['assign 6.1', 'Name the lead(s) with @ and/or the team channel with # after 6.1'],
      ['assign carers', 'Start with the direction’s ref'],
      [`assign 6.1 <#${CARERS}> <#C0OTHER01>`, 'A direction has one team channel'],
    ];
    for (const [command, problem] of cases) {
      expect(visibleText((await world.harness.command(command, { userId: PEOPLE.admin })).body)).toContain(
        problem,
      );
    }
  });

  it('sets leads and the team channel, posts the status card there and remembers it as a thread anchor', async () => {
    // Act
    world.slack.requests.length = 0;
    const { body } = await world.harness.command(
      `assign 6.1 <@${NEW_LEAD}|new.lead> <@${PEOPLE.lead}> <#${CARERS}|carers>`,
      { userId: PEOPLE.admin },
    );
    await world.harness.server.drain();
    // Assess
    expect(visibleText(body)).toContain(`*6.1* · leads: <@${NEW_LEAD}>, <@${PEOPLE.lead}>`);
    const direction = await world.direction('6.1');
    expect(direction.leads).toEqual([NEW_LEAD, PEOPLE.lead]);
    expect(direction.channel).toBe(CARERS);
    const [card] = world.slack.calls('chat.postMessage').filter((call) => call.channel === CARERS);
    expect(visibleText(card)).toContain('6.1 · Support for Carers');
    expect(visibleText(card)).toContain('Reply in this thread to post an update');
    const ts = await world.cardTs('6.1');
    const anchor = await createThreadAnchorStore(world.harness.db, world.harness.tableName).get(
      CARERS,
      ts as string,
    );
    expect(anchor).toMatchObject({ kind: 'status-card', directions: [{ ref: '6.1' }] });
  });

  it('lists what a lead leads in /direction mine, with status and working days left', async () => {
    await assignCarers();
    const mine = visibleText((await world.harness.command('mine', { userId: PEOPLE.lead })).body);
    expect(mine).toContain('Your directions · Midlothian 2023-24');
    expect(mine).toContain('*5.1*');
    expect(mine).toContain('*6.1*');
    expect(mine).toContain('by January 2025 · 40 working days left');
    expect(mine).toContain('by January 2024 · :warning: overdue by 213 working days');
    expect(mine.indexOf('*6.1*')).toBeLessThan(mine.indexOf('*5.1*')); // 6.1 was due first
    const none = visibleText((await world.harness.command('mine', { userId: PEOPLE.stranger })).body);
    expect(none).toContain('you do not lead any direction in Midlothian 2023-24 yet');
  });

  it('replaces the leads on reassignment: a removed lead no longer sees it as theirs', async () => {
    await assignCarers();
    expect(visibleText((await world.harness.command('mine', { userId: PEOPLE.lead })).body)).toContain(
      '*6.1*',
    );
    await world.harness.command(`assign 6.1 <@${NEW_LEAD}>`, { userId: PEOPLE.admin });
    const mine = visibleText((await world.harness.command('mine', { userId: PEOPLE.lead })).body);
    expect(mine).not.toContain('*6.1*');
    expect((await world.direction('6.1')).channel).toBe(CARERS);
  });

  it('tells the admin when it cannot post the card in the channel', async () => {
    world.slack.answerWith((request) =>
      request.path.endsWith('/chat.postMessage') && request.body.channel === 'C0PRIVATE'
        ? { body: { ok: false, error: 'not_in_channel' } }
        : undefined,
    );
    world.slack.requests.length = 0;
    await world.harness.command(`assign 6.2 <#C0PRIVATE>`, { userId: PEOPLE.admin });
    await world.harness.server.drain();
    const told = world.slack.calls('chat.postMessage').filter((call) => call.channel === PEOPLE.admin);
    expect(visibleText(told[0])).toContain(
      'I could not post 6.2’s status card in <#C0PRIVATE> (not_in_channel)'.replace('’', "'"),
    );
  });
});

describe('/direction admins', () => {
  it('lists the admins, and lets only an admin add one', async () => {
    expect(visibleText((await world.harness.command('admins', { userId: PEOPLE.stranger })).body)).toContain(
      `IJB admins of Midlothian Integration Joint Board: <@${PEOPLE.admin}>`,
    );
    const refused = await world.harness.command(`admins add <@${PEOPLE.stranger}>`, {
      userId: PEOPLE.stranger,
    });
    expect(visibleText(refused.body)).toContain('Only IJB admins can add admins');
    const added = await world.harness.command(`admins add <@${PEOPLE.member}|member>`, {
      userId: PEOPLE.admin,
    });
    expect(visibleText(added.body)).toContain(`<@${PEOPLE.member}> is now an IJB admin`);
    const assigned = await world.harness.command(`assign 6.2 <@${PEOPLE.stranger}>`, {
      userId: PEOPLE.member,
    });
    expect(visibleText(assigned.body)).toContain('*6.2* · lead:');
  });
});
