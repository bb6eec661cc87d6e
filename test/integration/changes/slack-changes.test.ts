import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submitChange } from '../../support/change-forms';
import { visibleText } from '../../support/harness';
import { PEOPLE, startUpdatesWorld, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-03-20T10:00:00Z'));
});
afterEach(() => world.close());

const AUTHORITY = {
  decidedOn: '2024-03-16',
  reference: 'paper 5.3',
  link: 'https://example.org/ijb/2024-03-16',
};

/** Types the command as `userId` and returns the form Slack was asked to open (or the reply). */
async function openForm(text: string, userId: string = PEOPLE.admin) {
  world.slack.requests.length = 0;
  const reply = await world.harness.command(text, { userId, triggerId: `trigger-${Math.random()}` });
  expect(reply.status).toBe(200);
  const [opened] = world.slack.calls('views.open');
  return { reply: reply.body, view: opened?.view };
}

async function submit(
  text: string,
  fields: Parameters<typeof submitChange>[1],
  userId: string = PEOPLE.admin,
) {
  const { view } = await openForm(text);
  const payload = submitChange({ privateMetadata: view.private_metadata }, fields, userId);
  const answer = await world.harness.interact(payload);
  return { answer: answer.body, payload };
}

async function card(ref: string) {
  return visibleText((await world.harness.command(ref, { userId: PEOPLE.member })).body);
}

describe('/direction vary, revoke, supersede, add — the board’s mid-year changes', () => {
  it('varies 5.1’s deadline and text, and the card says on what authority', async () => {
    const { view } = await openForm('vary 5.1');
    expect(view.callback_id).toBe('changes.form');
    expect(view.title.text).toBe('Vary 5.1');
    const { answer } = await submit('vary 5.1', {
      text: 'Review the care at home design with the third sector',
      deadline: 'by March 2025',
      ...AUTHORITY,
    });
    expect(answer.response_action).toBe('update');
    expect(visibleText(answer.view)).toContain('Varied by the IJB on 16 Mar 2024, paper 5.3');
    const direction = await world.direction('5.1');
    expect(direction.text).toBe('Review the care at home design with the third sector');
    expect(direction.deadlines.map((deadline) => deadline.asWritten)).toEqual(['by March 2025']);
    expect(direction.lifecycle?.state).toBe('varied');
    expect(direction.registerChanges?.[0]).toMatchObject({
      kind: 'varied',
      by: PEOPLE.admin,
      authority: AUTHORITY,
    });
    expect(await card('5.1')).toContain('Varied by the IJB on 16 Mar 2024, paper 5.3');
  });

  it('records a Slack retry of the same submission once', async () => {
    const { payload } = await submit('vary 5.1', { deadline: 'by June 2025', ...AUTHORITY });
    const again = await world.harness.interact(payload);
    expect(visibleText(again.body.view)).toContain('recorded already');
    const direction = await world.direction('5.1');
    expect(direction.registerChanges).toHaveLength(1);
    expect(direction.version).toBeGreaterThan(1);
  });

  it('refuses someone who is not an admin, on submit as well as on opening', async () => {
    const opened = await openForm('vary 5.1', PEOPLE.lead);
    expect(opened.view).toBeUndefined();
    expect(visibleText(opened.reply)).toContain('admins');
    const { answer } = await submit('vary 5.1', { deadline: 'by June 2025', ...AUTHORITY }, PEOPLE.lead);
    expect(answer.response_action).toBe('errors');
    expect(answer.errors.text).toMatch(/Not recorded\. Only midlothian's admins/);
    expect((await world.direction('5.1')).registerChanges).toBeUndefined();
  });

  it('shows a bad date and an unreadable deadline on their fields, and writes nothing', async () => {
    const { answer } = await submit('vary 5.1', {
      deadline: 'by Smarch 2025',
      decidedOn: '2024-04-16',
      reference: 'paper 5.3',
    });
    expect(answer.response_action).toBe('errors');
    expect(answer.errors.decidedOn).toContain('after today');
    expect(answer.errors.deadline).toContain('Smarch');
    const direction = await world.direction('5.1');
    expect(direction.registerChanges).toBeUndefined();
    expect(direction.deadlines.map((deadline) => deadline.asWritten)).not.toContain('by Smarch 2025');
  });

  it('revokes 5.1: off the due list, and the card says so', async () => {
    const dueBefore = visibleText(
      (await world.harness.command('due 400 days', { userId: PEOPLE.member })).body,
    );
    expect(dueBefore).toContain('5.1');
    const { answer } = await submit('revoke 5.1', { decidedOn: '2024-03-16', reference: 'minute 7' });
    expect(answer.response_action).toBe('update');
    expect((await world.direction('5.1')).lifecycle?.state).toBe('revoked');
    expect(await card('5.1')).toContain('Revoked by the IJB on 16 Mar 2024, minute 7');
    const dueAfter = visibleText(
      (await world.harness.command('due 400 days', { userId: PEOPLE.member })).body,
    );
    expect(dueAfter).not.toMatch(/\b5\.1\b/);
  });

  it('adds a direction issued at a board meeting, then supersedes 5.1 by it, linking both ways', async () => {
    const added = await submit('add', {
      ref: '5.9',
      theme: 'health inequalities',
      text: 'Review the current design of care at home services',
      recipients: ['council'],
      deadline: 'by January 2025',
      budget: '£250,000',
      ...AUTHORITY,
    });
    expect(added.answer.response_action).toBe('update');
    const fresh = await world.direction('5.9');
    expect(fresh).toMatchObject({
      issuedTo: ['council'],
      theme: { name: 'Health Inequalities' },
      marker: 'new',
    });
    expect(await card('5.9')).toContain('Issued by the IJB on 16 Mar 2024, paper 5.3');

    const superseded = await submit('supersede 5.1 by 5.9', AUTHORITY);
    expect(superseded.answer.response_action).toBe('update');
    const old = await world.direction('5.1');
    expect(old.lifecycle?.state).toBe('superseded');
    expect(old.supersededBy).toEqual([{ planYear: '2023-24', ref: '5.9' }]);
    expect((await world.direction('5.9')).supersedes).toEqual([{ planYear: '2023-24', ref: '5.1' }]);
    expect(await card('5.1')).toContain('Superseded by 5.9: the IJB decided on 16 Mar 2024, paper 5.3');
  });

  it('refuses to add a ref the year already has, on the ref field', async () => {
    const { answer } = await submit('add', {
      ref: '5.1',
      theme: 'Health Inequalities',
      text: 'Something',
      recipients: ['council'],
      ...AUTHORITY,
    });
    expect(answer.response_action).toBe('errors');
    expect(answer.errors.ref).toContain('already a direction');
  });

  it('lists the commands in help', async () => {
    const help = visibleText((await world.harness.command('help', { userId: PEOPLE.member })).body);
    for (const example of [
      '/direction add',
      '/direction vary 5.1',
      '/direction revoke 5.1',
      '/direction supersede 5.1 by 5.4',
    ])
      expect(help).toContain(example);
  });
});
