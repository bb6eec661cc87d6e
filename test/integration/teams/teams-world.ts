import type { RegisterStore } from '../../../src/store/register-store';
import { type Harness, startHarness } from '../../support/harness';
import { startSlackStandIn } from '../../support/slack-stand-in';
import {
  type BotConnectorStandIn,
  type KeySet,
  messageActivity,
  StandInCredentials,
  startBotConnectorStandIn,
  startKeySet,
  TEAMS_APP_ID,
} from '../../support/teams';

export interface TeamsWorld {
  harness: Harness;
  connector: BotConnectorStandIn;
  keys: KeySet;
  /** Register reads made since the start (a refused request must make none). */
  storeCalls(): number;
  post(activity: Record<string, unknown>, token?: string | null): Promise<{ status: number; body: string }>;
  /** Sends a signed message and returns the cards posted back to the stand-in connector. */
  // biome-ignore lint/suspicious/noExplicitAny: Adaptive Card JSON, inspected by the tests
  say(text: string, options?: Parameters<typeof messageActivity>[2]): Promise<any[]>;
  close(): Promise<void>;
}

/** The real local server with Teams configured: a local key set and a stand-in Bot Connector. */
export async function startTeamsWorld(
  options: { clock?: () => Date; env?: Record<string, string> } = {},
): Promise<TeamsWorld> {
  const connector = await startBotConnectorStandIn();
  // The Slack side of the same product (publishing a Teams update to its status card) talks to a stand-in too.
  const slack = await startSlackStandIn();
  const keys = await startKeySet(() => connector.url);
  let calls = 0;
  const counting = (store: RegisterStore): RegisterStore =>
    new Proxy(store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        return typeof value === 'function'
          ? (...args: unknown[]) => {
              calls += 1;
              return value.apply(target, args);
            }
          : value;
      },
    });
  const harness = await startHarness({
    ...(options.clock ? { clock: options.clock } : {}),
    env: {
      SLACK_API_URL: `${slack.url}/api/`,
      TEAMS_APP_ID,
      TEAMS_OPENID_METADATA_URL: keys.metadataUrl,
      ...options.env,
    },
    wrapStore: counting,
    teamsOutbound: new StandInCredentials(),
  });
  const url = `http://127.0.0.1:${harness.server.port}/api/messages`;
  const post = async (activity: Record<string, unknown>, token: string | null = keys.token()) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(activity),
    });
    return { status: response.status, body: await response.text() };
  };
  return {
    harness,
    connector,
    keys,
    storeCalls: () => calls,
    post,
    async say(text, activityOptions) {
      const before = connector.posted.length;
      const answer = await post(messageActivity(connector.url, text, activityOptions));
      if (answer.status !== 200) throw new Error(`status ${answer.status}: ${answer.body}`);
      await harness.server.drain();
      return connector.posted
        .slice(before)
        .flatMap((posted) =>
          (posted.activity.attachments ?? []).map((attachment: { content: unknown }) => attachment.content),
        );
    },
    async close() {
      await harness.close();
      await keys.close();
      await connector.close();
      await slack.close();
    },
  };
}
