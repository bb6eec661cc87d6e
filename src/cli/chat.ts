import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ConfigError, LOCAL_USER_ID, loadConfig, localUrl, productClock, todayLine } from '../config';
import { announcedSlack } from '../local/offline-slack';
import { CHAT_HELP, createChatSession } from './chat-session';
import { teamsChat } from './teams-chat';

/**
 * `npm run chat`: talk to the running server as Slack would. Every request is signed with the
 * signing secret; replies come back in the HTTP response (the ack), through response_url (a
 * small listener of this process), or — offline — from the Slack stand-in of `npm start`:
 * DMs, channel posts, modals and App Home as they arrive. `--user U0ADMIN2` acts as another person.
 */
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      user: { type: 'string', default: LOCAL_USER_ID },
      channel: { type: 'string', default: 'C0LOCAL' },
      team: { type: 'string', default: 'T0LOCAL' },
      url: { type: 'string' },
      wait: { type: 'string', default: '1500' },
      /** Speak to /api/messages as Teams would (npm start in development mode trusts its dev key). */
      teams: { type: 'boolean', default: false },
      aad: { type: 'string', default: '00000000-0000-4000-8000-0000000c0de5' },
    },
  });
  const config = loadConfig();
  if (values.teams) return teamsChat(config.PORT, values.aad, positionals);
  const responses = await listenForResponses();
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const session = createChatSession({
    url: values.url ?? localUrl(config, '/slack/events'),
    secret: config.signingSecret,
    user: values.user,
    channel: values.channel,
    team: values.team,
    responseUrl: responses.url,
    standIn: await announcedSlack(config.DATA_DIR),
    color: process.stdout.isTTY === true,
    print: (text) => console.log(text),
    ask: (question) => prompt.question(question).catch(() => ''),
  });
  responses.onMessage = (message) => session.later(message);
  await session.skipOld();

  const settle = async (quietMs: number) => {
    await responses.settle(quietMs);
    await session.readFeed();
  };
  if (positionals.length > 0) {
    for (const line of positionals) {
      await session.handle(line);
      await settle(300);
    }
    await settle(Number(values.wait));
    prompt.close();
    responses.server.close();
    return;
  }

  console.log(
    `Talking to ${values.url ?? `http://localhost:${config.PORT}/slack/events`} as ${values.user}.`,
  );
  console.log(CHAT_HELP);
  console.log(todayLine(config, productClock(config)).trim());
  // What arrives while the person is thinking (a nudge, a sign-off request) is shown as it comes.
  await session.readFeed();
  const poll = setInterval(() => void session.readFeed(false), 1_000);
  for (;;) {
    const line = (await prompt.question('\nyou> ').catch(() => 'quit')).trim();
    if (line === 'quit' || line === 'exit') break;
    if (line) await session.handle(line);
    await settle(400);
  }
  clearInterval(poll);
  prompt.close();
  responses.server.close();
}

async function listenForResponses() {
  let lastActivity = Date.now();
  const state = {
    server: undefined as unknown as Server,
    url: '',
    onMessage: (_message: Record<string, unknown>) => {},
    /** Waits until no response_url post has arrived for `quietMs`. */
    settle: async (quietMs: number) => {
      lastActivity = Math.max(lastActivity, Date.now());
      while (Date.now() - lastActivity < quietMs) await new Promise((r) => setTimeout(r, 50));
    },
  };
  state.server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      lastActivity = Date.now();
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      try {
        state.onMessage(JSON.parse(body));
      } catch {
        console.log(`\nbot — follow-up\n${body}`);
      }
    });
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/response`;
  return state;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
