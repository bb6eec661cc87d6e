import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submitForm } from '../support/slack-payloads';
import { PEOPLE, startUpdatesWorld, TEAM_CHANNEL, type UpdatesWorld } from '../support/updates-world';

// What Slack sends when someone types "@here", "@channel", mentions U1 or pastes a labelled
// link: its own markup, which must never come back out as markup the product did not make.
const HOSTILE = 'agreed <!here> and <!channel> with <@U1> see <https://x.example|y> or <!subteam^S1>';
const TOKENS = ['<!', '<@U1>', '<https://x.example|y>', '|y>'];

let world: UpdatesWorld;
beforeEach(async () => {
  world = await startUpdatesWorld(new Date('2024-12-02T10:00:00Z'));
});
afterEach(() => world.close());

/**
 * Every text Slack would read as markup, in acks, response_url posts and Web API calls:
 * mrkdwn texts and messages' own `text`. Plain text (labels, a form's prefilled input) is
 * shown as typed, so `<!here>` there is harmless and left out.
 */
function everythingSaid(acks: unknown[]): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (/^[[{]/.test(node)) {
        try {
          walk(JSON.parse(node));
        } catch {
          // not JSON: a plain field
        }
      }
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.text === 'string' && record.type !== 'plain_text') texts.push(record.text);
    for (const [key, value] of Object.entries(record)) if (key !== 'initial_value') walk(value);
  };
  for (const said of [...acks, ...world.slack.requests.map((request) => request.body)]) walk(said);
  return texts.join('\n');
}

describe('user text in every message', () => {
  it('is escaped, so no @here, @channel, mention or link can be smuggled in', async () => {
    const acks: unknown[] = [];
    const say = async (text: string, userId: string = PEOPLE.lead) => {
      acks.push((await world.harness.command(text, { userId, channelId: TEAM_CHANNEL })).body);
      await world.harness.server.drain();
    };
    // A one-line update: receipt, thread post, the card edited
    await say(`update 5.1 at risk: ${HOSTILE} https://a.example/report`);
    // The form, proposing Achieved: the receipt and the sign-off request to the admins
    world.setNow(new Date('2024-12-02T10:20:00Z'));
    world.slack.requests.length = 0;
    await say('update 5.1');
    const [opened] = world.slack.calls('views.open');
    acks.push(
      (
        await world.harness.interact(
          submitForm(
            { privateMetadata: opened.view.private_metadata },
            { status: 'achieved', text: HOSTILE, evidence: 'https://a.example/evidence', nextSteps: HOSTILE },
            PEOPLE.lead,
          ),
        )
      ).body,
    );
    await world.harness.server.drain();
    // Lookups that show the update: the card, history, mine, search, a mistyped ref
    await say('5.1');
    await say('history 5.1');
    await say('mine');
    await say(`search ${HOSTILE}`);
    await say(`update 5.9 at risk: ${HOSTILE}`);
    await say(`subscribe theme ${HOSTILE}`);

    const said = everythingSaid(acks);
    expect(said).toContain('&lt;!here&gt;');
    for (const token of TOKENS)
      expect(
        said.split('\n').filter((line) => line.includes(token)),
        token,
      ).toEqual([]);
  });
});
