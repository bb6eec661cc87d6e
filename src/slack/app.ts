import {
  App,
  type AppOptions,
  type Authorize,
  type Logger,
  type LogLevel,
  type Receiver,
  webApi,
} from '@slack/bolt';
import type { LookupService } from '../lookup/lookup-service';
import type { SlackCapability } from './capability';
import { registerCardActions } from './listeners/card-actions';
import { registerDirectionCommand } from './listeners/direction-command';
import { createSlackRouter } from './router';

export interface SlackAppDeps {
  lookup: LookupService;
  /** What later capabilities add: sub-commands, listeners, deferred jobs. */
  capabilities?: readonly SlackCapability[];
  ackBudgetMs?: number;
}

export interface SlackAppOptions {
  receiver: Receiver;
  /** The bot token; absent in offline use, where nothing calls the Web API. */
  botToken?: string | undefined;
  botId?: string | undefined;
  botUserId?: string | undefined;
  /** Where the Slack Web API is (a stand-in in tests); Slack's own when unset. */
  slackApiUrl?: string | undefined;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Where Bolt logs (structured Powertools lines on Lambda); Bolt's console logger when unset. */
  logger?: Logger;
  /** Socket Mode receivers need the app to know; HTTP receivers do not. */
  socketMode?: boolean;
}

/**
 * The Bolt app with every listener of the product. Transport-neutral: the local server,
 * Socket Mode and Lambda each bring their own receiver.
 */
export function createSlackApp(options: SlackAppOptions, deps: SlackAppDeps): App {
  const appOptions: AppOptions = {
    receiver: options.receiver,
    authorize: authorizeOnce(options),
    logLevel: (options.logLevel ?? 'info') as LogLevel,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.socketMode ? { socketMode: true } : {}),
    clientOptions: clientOptionsOf(options),
    // Conversations are kept in DynamoDB (src/updates); Bolt's in-memory store would be
    // wrong on Lambda and costs every request a lookup.
    convoStore: false,
  };
  const app = new App(appOptions);
  const capabilities = deps.capabilities ?? [];
  registerDirectionCommand(app, {
    lookup: deps.lookup,
    ackBudgetMs: deps.ackBudgetMs ?? 2_000,
    subcommands: capabilities.flatMap((capability) => capability.subcommands ?? []),
  });
  const router = createSlackRouter();
  registerCardActions(router, { lookup: deps.lookup, comingSoon: capabilities.length === 0 });
  for (const capability of capabilities) capability.register?.(router);
  router.mount(app);
  return app;
}

/**
 * The Web API client's defaults retry for ~30 minutes with no timeout (PLATFORM.md): far
 * beyond any request we serve. Fail fast and say so instead. No automatic retry at all: a
 * retried chat.postMessage whose first answer was only slow posts twice; posts that must
 * happen once are recognised before they are tried again (src/work/post-once.ts).
 */
function clientOptionsOf(options: Pick<SlackAppOptions, 'slackApiUrl'>): webApi.WebClientOptions {
  return {
    ...(options.slackApiUrl ? { slackApiUrl: withSlash(options.slackApiUrl) } : {}),
    timeout: 5_000,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: false,
  };
}

/** The bot's own Web API client, set up like the app's, for work outside a Slack request. */
export function createBotClient(
  options: Pick<SlackAppOptions, 'botToken' | 'slackApiUrl'>,
): webApi.WebClient {
  return new webApi.WebClient(options.botToken, clientOptionsOf(options));
}

/**
 * Bolt's token authorisation calls auth.test at start-up, or on every request when told not
 * to verify (PLATFORM.md). With the bot ids configured no call is made at all; without them,
 * auth.test runs once on first use and its answer is kept.
 */
function authorizeOnce({ botToken, botId, botUserId, slackApiUrl }: SlackAppOptions): Authorize<boolean> {
  const token = botToken ?? 'xoxb-offline';
  if (!botToken || (botId && botUserId)) {
    const known = { botToken: token, botId: botId ?? 'B0LOCAL', botUserId: botUserId ?? 'U0LOCALBOT' };
    return async () => known;
  }
  let identity: Promise<{ botId: string; botUserId: string }> | undefined;
  return async ({ isEnterpriseInstall }) => {
    identity ??= fetchIdentity(token, slackApiUrl).catch((error) => {
      identity = undefined;
      throw error;
    });
    return { botToken: token, isEnterpriseInstall, ...(await identity) };
  };
}

async function fetchIdentity(
  token: string,
  slackApiUrl?: string,
): Promise<{ botId: string; botUserId: string }> {
  const client = new webApi.WebClient(token, slackApiUrl ? { slackApiUrl: withSlash(slackApiUrl) } : {});
  const result = await client.auth.test();
  return { botId: String(result.bot_id), botUserId: String(result.user_id) };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
