import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ConfigError, LOCAL_USER_ID, loadConfig, localUrl, productClock, todayLine } from '../config';
import { interactionBody, slackSignatureHeaders, slashCommandBody } from '../slack/signature';
import { type PressableButton, renderBlocksAsText } from './block-text';
import { teamsChat } from './teams-chat';

/**
 * `npm run chat`: talk to the running server as Slack would. Every request is signed with
 * the signing secret; replies come back in the HTTP response (the ack) or later through
 * response_url, which points at a small listener of this process.
 */
const HELP = `Type a command like /direction 5.1 (or just "5.1"), a button's number to press it, or "quit".`;

interface Session {
  url: string;
  secret: string;
  user: string;
  channel: string;
  team: string;
  responseUrl: string;
  buttons: PressableButton[];
  color: boolean;
  pendingLate: number;
}

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
  const session: Session = {
    url: values.url ?? localUrl(config, '/slack/events'),
    secret: config.signingSecret,
    user: values.user,
    channel: values.channel,
    team: values.team,
    responseUrl: responses.url,
    buttons: [],
    color: process.stdout.isTTY === true,
    pendingLate: 0,
  };
  responses.onMessage = (message) => show(session, message, 'later');

  if (positionals.length > 0) {
    for (const line of positionals) await handle(session, line);
    await responses.settle(Number(values.wait));
    responses.server.close();
    return;
  }

  console.log(`Talking to ${session.url} as ${session.user}. ${HELP}`);
  // The server's clock decides what is due; this says which day this shell would use, and how to change it.
  console.log(todayLine(config, productClock(config)).trim());
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  for (;;) {
    const line = (await prompt.question('\nyou> ').catch(() => 'quit')).trim();
    if (line === 'quit' || line === 'exit') break;
    if (line) await handle(session, line);
    await responses.settle(300);
  }
  prompt.close();
  responses.server.close();
}

async function handle(session: Session, line: string): Promise<void> {
  const pressed = /^\d+$/.test(line) ? session.buttons.find((b) => b.number === Number(line)) : undefined;
  if (pressed) return press(session, pressed);
  if (/^\d+$/.test(line) && session.buttons.length > 0) {
    return console.log(`No button ${line}. ${HELP}`);
  }
  const [command = '/direction', ...rest] = line.startsWith('/') ? line.split(/\s+/) : ['/direction', line];
  const body = slashCommandBody({
    command,
    text: rest.join(' '),
    userId: session.user,
    teamId: session.team,
    channelId: session.channel,
    responseUrl: session.responseUrl,
  });
  await send(session, body);
}

async function press(session: Session, button: PressableButton): Promise<void> {
  const body = interactionBody({
    type: 'block_actions',
    api_app_id: 'A0LOCAL',
    user: { id: session.user, team_id: session.team },
    team: { id: session.team, domain: 'local' },
    channel: { id: session.channel, name: 'directions' },
    container: { type: 'message', is_ephemeral: true, channel_id: session.channel },
    trigger_id: `${Date.now()}.local`,
    response_url: session.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: button.actionId,
        block_id: button.blockId,
        text: { type: 'plain_text', text: button.label },
        ...(button.value ? { value: button.value } : {}),
        action_ts: String(Date.now() / 1000),
      },
    ],
  });
  await send(session, body);
}

async function send(session: Session, body: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(session.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(session.secret, body),
      },
      body,
    });
  } catch (error) {
    console.error(
      `Could not reach ${session.url}: ${(error as Error).cause ?? error}. Is \`npm start\` running?`,
    );
    process.exitCode = 1;
    return;
  }
  if (response.status === 401) {
    console.error(
      'The server refused the signature (401): SLACK_SIGNING_SECRET differs between the server and this chat.',
    );
    process.exitCode = 1;
    return;
  }
  const text = await response.text();
  if (!response.ok) {
    console.error(`The server answered ${response.status}: ${text}`);
    process.exitCode = 1;
    return;
  }
  if (text.trim()) show(session, JSON.parse(text), 'now');
}

function show(session: Session, message: Record<string, unknown>, when: 'now' | 'later'): void {
  const rendered = renderBlocksAsText(message as { text?: string; blocks?: unknown[] }, {
    color: session.color,
    firstButton: 1,
  });
  if (rendered.buttons.length > 0) session.buttons = rendered.buttons;
  const visibility =
    message.response_type === 'in_channel' ? '(posted in channel)' : '(only you can see this)';
  console.log(`\nbot ${visibility}${when === 'later' ? ' — follow-up' : ''}\n${rendered.text}`);
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
