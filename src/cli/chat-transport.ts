import { interactionBody, slackSignatureHeaders } from '../slack/signature';

// biome-ignore lint/suspicious/noExplicitAny: Slack JSON
type Json = any;

export interface ChatTransportOptions {
  url: string;
  secret: string;
  user: string;
  team: string;
  print: (text: string) => void;
}

/**
 * How `npm run chat` reaches the bot: every request signed as Slack signs it, and the
 * server's refusals told to the person in words (a wrong secret, a server not running).
 */
export function chatTransport(options: ChatTransportOptions) {
  const { print } = options;
  let triggers = 0;

  const post = async (body: string, json = false): Promise<Json | undefined> => {
    let response: Response;
    try {
      response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
          ...slackSignatureHeaders(options.secret, body),
        },
        body,
      });
    } catch (error) {
      print(`Could not reach ${options.url}: ${(error as Error).cause ?? error}. Is \`npm start\` running?`);
      return undefined;
    }
    if (response.status === 401) {
      print(
        'The server refused the signature (401): SLACK_SIGNING_SECRET differs between the server and this chat.',
      );
      return undefined;
    }
    const text = await response.text();
    if (!response.ok) {
      print(`The server answered ${response.status}: ${text}`);
      return undefined;
    }
    return text.trim() ? JSON.parse(text) : {};
  };

  const trigger = () => `${options.user}.${++triggers}.${Date.now()}.local`;

  const event = (payload: Json) =>
    post(
      JSON.stringify({
        token: 'deprecated',
        team_id: options.team,
        api_app_id: 'A0LOCAL',
        type: 'event_callback',
        event_id: `Ev${Date.now()}${Math.floor(Math.random() * 1e6)}`,
        event_time: Math.floor(Date.now() / 1000),
        event: payload,
      }),
      true,
    );

  const interact = (payload: Json) =>
    post(
      interactionBody({
        api_app_id: 'A0LOCAL',
        user: { id: options.user, team_id: options.team },
        team: { id: options.team, domain: 'local' },
        trigger_id: trigger(),
        ...payload,
      }),
    );

  return { post, event, interact, trigger };
}
