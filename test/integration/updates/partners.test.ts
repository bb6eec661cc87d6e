import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateKeys } from '../../../src/store/update-keys';
import { visibleText } from '../../support/harness';
import { submitForm } from '../../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../../support/updates-world';

// Midlothian's 5.1 is issued to NHS Lothian and Midlothian Council, and has no update yet.
let world: UpdatesWorld;
beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
});
afterEach(() => world.close());

const COUNCIL_LEAD = 'U0COUNCIL';

async function assignBodies(): Promise<string> {
  const { body } = await world.harness.command(
    `assign 5.1 <@${PEOPLE.lead}|lead> for NHS Lothian <@${COUNCIL_LEAD}|council.lead> for Midlothian Council`,
    { userId: PEOPLE.admin },
  );
  await world.harness.server.drain();
  return visibleText(body);
}

async function line(text: string, userId: string = PEOPLE.lead): Promise<string> {
  // A minute between updates, so each is newer than the last.
  world.setNow(new Date(world.now().getTime() + 60_000));
  const { body } = await world.harness.command(`update ${text}`, {
    userId,
    channelId: TEAM_CHANNEL,
    triggerId: `trigger-${Math.random()}`,
  });
  await world.harness.server.drain();
  return visibleText(body);
}

async function card(): Promise<string> {
  return visibleText((await world.harness.command('5.1', { userId: PEOPLE.member })).body);
}

describe('accountability per partner', () => {
  it('sets each lead’s body at assign, on the direction and on the lead item', async () => {
    const reply = await assignBodies();
    expect(reply).toContain(`<@${PEOPLE.lead}> (for NHS Lothian)`);
    expect(reply).toContain(`<@${COUNCIL_LEAD}> (for Midlothian Council)`);
    expect((await world.direction('5.1')).leadBodies).toEqual({
      [PEOPLE.lead]: 'health-board',
      [COUNCIL_LEAD]: 'council',
    });
    const { pk, sk } = updateKeys.lead('midlothian', '2023-24', '5.1', COUNCIL_LEAD);
    const { Item } = await world.harness.db.send(
      new GetCommand({ TableName: world.harness.tableName, Key: { pk, sk } }),
    );
    expect(Item).toMatchObject({ type: 'Lead', body: 'council' });
  });

  it('asks which partner a lead answers for when not said, and refuses a body the direction is not issued to', async () => {
    const asked = visibleText(
      (await world.harness.command(`assign 5.1 <@${COUNCIL_LEAD}>`, { userId: PEOPLE.admin })).body,
    );
    expect(asked).toContain(`Which partner does <@${COUNCIL_LEAD}> answer for?`);
    expect(asked).toContain('/direction assign 5.1 @lead for NHS Lothian');
    const wrong = visibleText(
      (
        await world.harness.command(`assign 5.1 <@${COUNCIL_LEAD}> for Fife Council`, {
          userId: PEOPLE.admin,
        })
      ).body,
    );
    expect(wrong).toContain('“for Fife Council” is not one of them');
    expect((await world.direction('5.1')).leads).toEqual([COUNCIL_LEAD]);
  });

  it('takes a one-line update’s body from the lead’s, and the card shows each body and the worse status', async () => {
    await assignBodies();
    const reply = await line('5.1 at risk: DSA not signed by the health board');
    expect(reply).toContain('On behalf of NHS Lothian.');
    const direction = await world.direction('5.1');
    expect(direction.status).toBe('at-risk');
    expect(direction.bodies?.['health-board']?.status).toBe('at-risk');
    expect(direction.bodies?.council).toBeUndefined();
    expect((await world.storedUpdates('5.1')).find((item) => item.via === 'line')).toMatchObject({
      body: 'health-board',
    });
    const shown = await card();
    expect(shown).toContain('NHS Lothian: :large_orange_circle: At risk');
    expect(shown).toContain('Midlothian Council: :white_circle: Not yet reported');
    expect(shown).toMatch(/<@U0LEAD001> for NHS Lothian · :large_orange_circle: At risk/);
  });

  it('keeps the worse of the two until both agree', async () => {
    await assignBodies();
    await line('5.1 off track: council budget withdrawn', COUNCIL_LEAD);
    await line('5.1 at risk: DSA not signed');
    expect((await world.direction('5.1')).status).toBe('off-track');
    await line('5.1 on track: budget restored', COUNCIL_LEAD);
    expect((await world.direction('5.1')).status).toBe('at-risk');
    await line('5.1 on track: DSA signed');
    const direction = await world.direction('5.1');
    expect(direction.status).toBe('on-track');
    // They agree: the card shows one status again, with no per-body lines.
    expect(await card()).not.toContain('NHS Lothian: ');
  });

  it('reads the body from “for …” in a one-line update, and says so when it cannot tell', async () => {
    const named = await line('5.1 for Midlothian Council off track: budget withdrawn', PEOPLE.member);
    expect(named).toContain('On behalf of Midlothian Council.');
    const direction = await world.direction('5.1');
    expect(direction.bodies?.council?.status).toBe('off-track');
    expect(direction.bodies?.['health-board']).toBeUndefined();
    const unknown = await line('5.1 on track: all fine now', PEOPLE.member);
    expect(unknown).toContain('this counts for the whole direction (NHS Lothian and Midlothian Council)');
    // An update for the whole direction counts for both bodies.
    const after = await world.direction('5.1');
    expect(after.bodies?.council?.status).toBe('on-track');
    expect(after.bodies?.['health-board']?.status).toBe('on-track');
    expect(after.status).toBe('on-track');
  });

  it('asks “On behalf of” in the form when the updater’s body is not known, and saves for the body chosen', async () => {
    // Prepare: a team member (no body) opens the form
    await world.harness.command('update 5.1', {
      userId: PEOPLE.member,
      channelId: TEAM_CHANNEL,
      triggerId: 'trigger-partners',
    });
    const [opened] = world.slack.calls('views.open');
    const asked = opened.view.blocks.find((block: { block_id?: string }) => block.block_id === 'body');
    expect(asked.label.text).toBe('On behalf of');
    expect(asked.element.options.map((option: { text: { text: string } }) => option.text.text)).toEqual([
      'NHS Lothian',
      'Midlothian Council',
    ]);
    // Act
    const submission = submitForm(
      { id: 'V-partner', privateMetadata: opened.view.private_metadata },
      { status: 'at-risk', text: 'Council staffing gap' },
      PEOPLE.member,
    );
    Object.assign(submission.view.state.values, {
      body: { value: { type: 'radio_buttons', selected_option: { value: 'council' } } },
    });
    const { body } = await world.harness.interact(submission);
    await world.harness.server.drain();
    // Assess
    expect(body.response_action).toBe('update');
    const direction = await world.direction('5.1');
    expect(direction.latestUpdate?.body).toBe('council');
    expect(direction.bodies?.council?.status).toBe('at-risk');
    expect(direction.status).toBe('at-risk');
  });

  it('does not ask in the form when the lead’s body is known', async () => {
    await assignBodies();
    await world.harness.command('update 5.1', {
      userId: PEOPLE.lead,
      channelId: TEAM_CHANNEL,
      triggerId: 'trigger-lead',
    });
    const [opened] = world.slack.calls('views.open');
    expect(opened.view.blocks.some((block: { block_id?: string }) => block.block_id === 'body')).toBe(false);
  });
});
