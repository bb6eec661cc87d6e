import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../config';
import { createWorkerReader } from '../import/read-in-worker';
import { buildSlackProduct, type SlackProduct } from '../product/slack-product';
import type { RegisterStore } from '../store/register-store';
import { createInProcessQueue } from '../work/job-queue';

export interface LocalServer {
  app: App;
  /** The port actually bound (useful when asked for port 0). */
  port: number;
  socketMode: boolean;
  /** Resolves when every deferred job in flight has finished (for tests). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalServerDeps {
  store: RegisterStore;
  db: DynamoDBDocumentClient;
  clock: () => Date;
  /** How long a command may take before it is acked and answered through response_url. */
  ackBudgetMs?: number;
}

/**
 * The Bolt app on a local HTTP port (POST /slack/events, GET /health), or over Socket
 * Mode when an app-level token is configured. Deferred jobs run in this process after the
 * ack. Used by `npm start` and the integration tests.
 */
export async function startLocalServer(config: Config, deps: LocalServerDeps): Promise<LocalServer> {
  const health = {
    path: '/health',
    method: 'GET',
    handler: (_request: unknown, response: ServerResponse) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    },
  };
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const receiver: Receiver = config.SLACK_APP_TOKEN
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN,
        customRoutes: [health],
        installerOptions: { port: config.PORT },
      })
    : new HTTPReceiver({
        signingSecret: config.signingSecret,
        endpoints: '/slack/events',
        customRoutes: [health],
      });

  let product: SlackProduct | undefined;
  const queue = createInProcessQueue(
    () => product?.jobHandlers ?? {},
    (job, error) => console.error(`Deferred job ${job.kind} failed:`, error),
  );
  product = buildSlackProduct({
    slack: {
      receiver,
      socketMode,
      botToken: config.SLACK_BOT_TOKEN,
      botId: config.SLACK_BOT_ID,
      botUserId: config.SLACK_BOT_USER_ID,
      slackApiUrl: config.SLACK_API_URL,
      logLevel: config.LOG_LEVEL,
    },
    store: deps.store,
    db: deps.db,
    tableName: config.TABLE_NAME,
    clock: deps.clock,
    queue,
    defaultIjbId: config.DIRECTIONS_IJB,
    admins: config.DIRECTIONS_ADMINS,
    // A paper sent to the bot is read in a worker thread with a memory ceiling: never this process.
    paperReader: createWorkerReader(),
    ...(deps.ackBudgetMs ? { ackBudgetMs: deps.ackBudgetMs } : {}),
  });
  const { app } = product;
  const started = (await app.start(config.PORT)) as unknown;
  const port = socketMode ? config.PORT : ((started as Server).address() as AddressInfo).port;
  return {
    app,
    port,
    socketMode,
    drain: () => queue.drain(),
    stop: async () => {
      await queue.drain();
      await app.stop();
    },
  };
}
