import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSubscriptionStore } from '../../src/store/subscription-store';
import { type Harness, startHarness, visibleText } from '../support/harness';
import { editDirection } from '../support/nudges';

let harness: Harness;
const now = new Date('2023-12-18T10:00:00Z');

// Each test gets its own register: the subscriptions one test makes never reach another.
beforeEach(async () => {
  harness = await startHarness({ clock: () => now, env: { DIRECTIONS_ADMINS: 'U0ADMIN' } });
  await editDirection(harness, '1.1', { channel: 'C0TEAM' });
});
afterEach(() => harness.close());

const inChannel = (text: string, channelId: string, userId = 'U0OFFICER') =>
  harness.command(text, { channelId, userId });
const followed = async (channel: string) =>
  (await createSubscriptionStore(harness.db, harness.tableName).listForChannel('midlothian', channel))
    .map((s) => JSON.stringify(s.filter))
    .sort();

describe('/direction subscribe', () => {
  it('subscribes the channel to every direction, and says so in the channel', async () => {
    const { body } = await inChannel('subscribe all', 'C0ALL');
    expect(body.response_type).toBe('in_channel');
    expect(visibleText(body)).toContain(
      '<@U0OFFICER> subscribed this channel to reminders about every direction',
    );
    expect(await followed('C0ALL')).toEqual(['{"kind":"all"}']);
  });

  it('says so, privately, when the channel already follows it', async () => {
    await inChannel('subscribe all', 'C0ALL');
    const { body } = await inChannel('subscribe all', 'C0ALL');
    expect(body.response_type).toBe('ephemeral');
    expect(visibleText(body)).toContain('This channel already follows every direction.');
  });

  it('follows a theme named in part, and asks which when the words fit several', async () => {
    const { body } = await inChannel('subscribe theme carers', 'C0CARERS');
    expect(visibleText(body)).toContain('the theme *Support for Carers*');
    const vague = visibleText((await inChannel('subscribe theme health', 'C0CARERS')).body);
    expect(vague).toContain('"health" fits 2 themes: Health &amp; Wellbeing; Health Inequalities. Name one.');
    expect(await followed('C0CARERS')).toEqual(['{"kind":"theme","theme":"Support for Carers"}']);
  });

  it('follows what is issued to one partner, by its name', async () => {
    await inChannel('subscribe to NHS Lothian', 'C0NHS');
    expect(await followed('C0NHS')).toEqual(['{"kind":"recipient","recipient":"health-board"}']);
    const wrong = visibleText((await inChannel('subscribe to NHS Borders', 'C0NHS')).body);
    expect(wrong).toContain(
      'Midlothian issues directions to NHS Lothian and Midlothian Council; "NHS Borders" is neither.',
    );
    expect(wrong).toContain('/direction subscribe to NHS Lothian');
  });

  it('follows named directions, and writes nothing when one of them does not exist', async () => {
    const bad = visibleText((await inChannel('subscribe 5.1, 5.3', 'C0REFS')).body);
    expect(bad).toContain('No 5.3 in Midlothian 2023-24, so nothing was changed. Did you mean 5.1 or 5.2?');
    expect(await followed('C0REFS')).toEqual([]);
    await inChannel('subscribe 5.1 5.2', 'C0REFS');
    expect(await followed('C0REFS')).toEqual([
      '{"kind":"direction","planYear":"2023-24","ref":"5.1"}',
      '{"kind":"direction","planYear":"2023-24","ref":"5.2"}',
    ]);
  });

  it('tells you what to type when it cannot read the request', async () => {
    const { body } = await inChannel('subscribe whenever you like', 'C0ALL');
    expect(visibleText(body)).toContain('I did not understand "whenever you like".');
    expect(visibleText(body)).toContain('/direction subscribe all');
  });

  it('lets only an IJB admin send escalations to a channel', async () => {
    const refused = visibleText((await inChannel('subscribe escalations', 'C0CHIEF')).body);
    expect(refused).toContain('Only an admin of Midlothian IJB can send escalations to a channel.');
    expect(await followed('C0CHIEF')).toEqual([]);
    await inChannel('subscribe escalations', 'C0CHIEF', 'U0ADMIN');
    expect(await followed('C0CHIEF')).toEqual(['{"kind":"escalations"}']);
  });
});

describe('/direction subscriptions', () => {
  it('lists why a channel hears what it hears, team directions included', async () => {
    await inChannel('subscribe theme health inequalities', 'C0TEAM');
    const text = visibleText((await inChannel('subscriptions', 'C0TEAM')).body);
    expect(text).toContain('its own directions, as their team channel: *1.1*');
    expect(text).toContain('the theme *Health Inequalities* — subscribed by <@U0OFFICER> on 18 Dec 2023');
  });

  it('says when a channel hears about nothing yet', async () => {
    const text = visibleText((await inChannel('subscriptions', 'C0EMPTY')).body);
    expect(text).toContain('This channel hears about nothing yet');
  });

  it('shows up in /direction help', async () => {
    expect(visibleText((await inChannel('help', 'C0ALL')).body)).toContain('/direction subscriptions');
  });
});

describe('/direction unsubscribe', () => {
  it('removes one subscription, and keeps the team channel’s own directions', async () => {
    await inChannel('subscribe theme health inequalities', 'C0TEAM');
    expect(await followed('C0TEAM')).toHaveLength(1);
    const { body } = await inChannel('unsubscribe theme health inequalities', 'C0TEAM');
    expect(body.response_type).toBe('in_channel');
    expect(visibleText(body)).toContain('stopped reminders here about the theme *Health Inequalities*');
    expect(visibleText(body)).toContain('Its own directions (1.1) still come here, as their team channel.');
    expect(await followed('C0TEAM')).toEqual([]);
  });

  it('removes everything when bare, except escalations, which only an admin can stop', async () => {
    await inChannel('subscribe escalations', 'C0CHIEF', 'U0ADMIN');
    await inChannel('subscribe all', 'C0CHIEF');
    const { body } = await inChannel('unsubscribe', 'C0CHIEF');
    expect(visibleText(body)).toContain('stopped reminders here about every direction');
    expect(visibleText(body)).toContain('Escalations still come here: only an IJB admin can stop them.');
    expect(await followed('C0CHIEF')).toEqual(['{"kind":"escalations"}']);
    await inChannel('unsubscribe escalations', 'C0CHIEF', 'U0ADMIN');
    expect(await followed('C0CHIEF')).toEqual([]);
  });

  it('says so when the channel did not follow that', async () => {
    const text = visibleText((await inChannel('unsubscribe 5.1', 'C0EMPTY')).body);
    expect(text).toContain('This channel did not follow that.');
  });
});
