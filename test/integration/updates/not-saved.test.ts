import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../../support/harness';
import { submitForm } from '../../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../../support/updates-world';

let world: UpdatesWorld;
let failWrites = false;

beforeAll(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
  // DynamoDB throttling, which dynalite cannot produce: every new update item is refused.
  world.harness.db.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { Item?: { sk?: string } };
      if (failWrites && input.Item?.sk?.startsWith('UPD#')) {
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput'), {
          name: 'ProvisionedThroughputExceededException',
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'throttleUpdates' },
  );
});
afterAll(() => world.close());

describe('when an update cannot be written', () => {
  it('says it was not saved and gives the one line back, word for word', async () => {
    failWrites = true;
    const { body } = await world.harness.command(
      'update 5.1 at risk: DSA with NHS Lothian & the Council not signed',
      { userId: PEOPLE.lead },
    );
    failWrites = false;
    const text = visibleText(body);
    expect(text).toContain(
      'Your update to *5.1* was *not saved*: the register could not be written just now',
    );
    // Escaped as Slack asks (&amp; shows as &), so what was typed cannot turn into markup.
    expect(text).toContain(
      '```/direction update 5.1 at risk: DSA with NHS Lothian &amp; the Council not signed```',
    );
    expect(await world.storedUpdates('5.1')).toHaveLength(0);
    expect((await world.direction('5.1')).status).toBe('not-reported');
  });

  it('keeps the form open with every word in it, saying so on the field', async () => {
    world.slack.requests.length = 0;
    await world.harness.command('update 5.1', { userId: PEOPLE.lead, channelId: TEAM_CHANNEL });
    const [opened] = world.slack.calls('views.open');
    failWrites = true;
    const { body } = await world.harness.interact(
      submitForm(
        { privateMetadata: opened.view.private_metadata },
        { status: 'at-risk', text: 'DSA not signed' },
        PEOPLE.lead,
      ),
    );
    failWrites = false;
    expect(body).toEqual({
      response_action: 'errors',
      errors: {
        text: 'Not saved: the register could not be written just now. Your text is still here: press Save update again.',
      },
    });
    expect(await world.storedUpdates('5.1')).toHaveLength(0);
  });
});
