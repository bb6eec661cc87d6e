import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatSession } from '../../src/cli/chat-session';
import { loadConfig } from '../../src/config';
import { type LocalServer, startLocalServer } from '../../src/local/server';
import { type SlackStandIn, startSlackStandIn } from '../../src/local/slack-stand-in';
import { runNudges } from '../../src/nudges/slack/run';
import { createNudgeWebClient, slackPoster } from '../../src/nudges/slack/slack-poster';
import { buildNudgeStores } from '../../src/product/nudge-stores';
import { seedRegister } from '../../src/register/seed';
import { startTestDynamo } from '../support/harness';

/**
 * A newcomer offline, through the code of `npm run chat` (its session module) against the
 * local server and the Slack stand-in that `npm start` runs without credentials: fill in the
 * update form field by field, approve as a second admin, see the status card and a nudge.
 */
let data: Awaited<ReturnType<typeof startTestDynamo>>;
let slack: SlackStandIn;
let server: LocalServer;
const now = () => new Date('2023-11-20T10:00:00Z');

beforeAll(async () => {
  data = await startTestDynamo();
  await seedRegister(data.store, now(), data.imports);
  slack = await startSlackStandIn();
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'error',
    TABLE_NAME: data.tableName,
    SLACK_API_URL: `${slack.url}/api/`,
  });
  server = await startLocalServer(config, { store: data.store, db: data.db, clock: now });
});
afterAll(async () => {
  await server.stop();
  await slack.close();
  await data.close();
});

/** A chat as `user`, its answers to the form's questions scripted, what it printed kept. */
function chat(user: string, answers: string[] = []) {
  const printed: string[] = [];
  const session = createChatSession({
    url: `http://127.0.0.1:${server.port}/slack/events`,
    secret: loadConfig({}).signingSecret,
    user,
    channel: 'C0LOCAL',
    team: 'T0LOCAL',
    responseUrl: slack.responseUrl,
    standIn: slack.url,
    color: false,
    print: (text) => printed.push(text),
    ask: async (question) => {
      printed.push(question);
      return answers.shift() ?? '';
    },
  });
  const turn = async (line: string) => {
    const from = printed.length;
    await session.handle(line);
    // The listener may still be working after its ack: read until a moment passes with nothing new.
    for (let seen = -1, rounds = 0; seen !== printed.length && rounds < 30; rounds++) {
      seen = printed.length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      await server.drain();
      await session.readFeed();
    }
    return printed.slice(from).join('\n');
  };
  return { session, printed, turn };
}

describe('npm run chat, offline', () => {
  it('fills in the update form, a second admin approves, the status card and a nudge arrive', async () => {
    // Prepare: the newcomer (the offline admin) gives 5.1 a lead and a team channel, and adds a second admin
    const newcomer = chat('U0LOCAL', [
      '1', // on behalf of NHS Lothian: 5.1 is issued to both partners
      '5',
      'Data now disaggregated by HSCP area',
      'https://example.org/d',
      '',
      '',
    ]);
    await newcomer.session.skipOld();
    expect(await newcomer.turn('/direction assign 5.1 @U0LOCAL #C0TEAM')).toContain('#C0TEAM');
    expect(await newcomer.turn('/direction admins add @U0ADMIN2')).toContain('now an IJB admin');

    // Act: the form, field by field
    const filled = await newcomer.turn('/direction update 5.1');

    // Assess
    expect(filled).toContain('modal: Update 5.1');
    expect(filled).toContain('On behalf of:');
    expect(filled).toContain('choose 1-6');
    expect(filled).toContain('Saved your update to 5.1');
    expect(filled).toContain('#C0TEAM');

    // Act: the second admin sees the sign-off request in their DM and presses Approve
    const admin = chat('U0ADMIN2');
    await admin.session.skipOld();
    await admin.session.readFeed();
    const inbox = admin.printed.join('\n');
    expect(inbox).toContain('DM from the bot');
    expect(inbox).toContain('proposes 5.1 as Achieved');
    const approveNumber = /\[(\d+)\] Approve/.exec(inbox)?.[1] as string;
    const approved = await admin.turn(approveNumber);

    // Assess: the status card is edited to Achieved, in the terminal
    expect(approved).toContain('#C0TEAM (edited)');
    expect(approved).toContain('Achieved');

    // Act: a nudge run (npm run nudge) posts through the same stand-in
    await newcomer.turn('/direction assign 3.1 @U0LOCAL #C0TEAM');
    await runNudges(
      {
        ...buildNudgeStores(data.db, data.tableName),
        clock: now,
        poster: slackPoster(
          createNudgeWebClient({ token: 'xoxb-offline', slackApiUrl: `${slack.url}/api/` }),
        ),
      },
      { day: '2024-01-17', dryRun: false },
    );
    await newcomer.session.readFeed();

    // Assess
    const nudge = newcomer.printed.join('\n');
    expect(nudge).toContain('Directions needing attention');
    expect(nudge).toContain('3.1');
  });
});
