import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getRequestListener } from '@hono/node-server';
import { type App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../config';
import { createWorkerReader } from '../import/read-in-worker';
import { createHttpApp } from '../product/http-app';
import { buildSlackProduct, type SlackProduct } from '../product/slack-product';
import { buildTeamsProduct, lateTeamsNotifier, type TeamsProduct } from '../product/teams-product';
import type { RegisterStore } from '../store/register-store';
import { createShareLinkStore } from '../store/share-link-store';
import type { TeamsAuthConfig } from '../teams/adapter';
import { DEV_ISSUER, DEV_TEAMS_APP_ID, DevCredentials, devJwks } from '../teams/dev-key';
import { SUMMARY_SWEEP_INTERVAL_MS, SUMMARY_SWEEP_JOB } from '../updates/summary-sweep';
import { createShareLinks } from '../web/share-links';
import { createInProcessQueue } from '../work/job-queue';
import { gatedListener } from './gated-listener';

export interface LocalServer {
  app: App;
  /** The port actually bound (useful when asked for port 0). */
  port: number;
  /** The address the HTTP port is bound to (127.0.0.1 unless HOST says otherwise). */
  host: string | undefined;
  socketMode: boolean;
  /** Resolves when every deferred job in flight has finished (for tests). */
  drain(): Promise<void>;
  /** Runs the summary sweep now (it also runs at start-up and every 30 s). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalServerDeps {
  store: RegisterStore;
  db: DynamoDBDocumentClient;
  clock: () => Date;
  /** How long a command may take before it is acked and answered through response_url. */
  ackBudgetMs?: number;
  /** How the Teams bot gets its reply token (stand-in connectors and local development). */
  teamsOutbound?: TeamsAuthConfig['outbound'];
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
  // The API (/api/v1) and the web register (/) share the port; Slack's endpoint is matched first.
  let http: ((request: IncomingMessage, response: ServerResponse) => unknown) | undefined;
  const web = {
    path: '/{*rest}',
    method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    handler: (request: IncomingMessage, response: ServerResponse) => http?.(request, response),
  };
  let teams: TeamsProduct | undefined;
  const teamsRoute = {
    path: '/api/messages',
    method: 'POST',
    handler: (request: IncomingMessage, response: ServerResponse) => {
      void answerTeams(teams, request, response);
    },
  };
  // Development only (no TEAMS_APP_ID, Slack on the development secret): Teams trusts the
  // committed dev key set, served here, so `npm run chat -- --teams` can sign its activities.
  const devTeams = !config.TEAMS_APP_ID && config.TEAMS_EMULATOR !== '1' && config.usingDevelopmentSecret;
  let devBase = '';
  const devOpenId = {
    path: '/api/dev-openid/.well-known/openidconfiguration',
    method: 'GET',
    handler: (_request: IncomingMessage, response: ServerResponse) => {
      if (!devTeams) return void response.writeHead(404).end();
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer: DEV_ISSUER, jwks_uri: `${devBase}/api/dev-openid/keys` }));
    },
  };
  const devKeys = {
    path: '/api/dev-openid/keys',
    method: 'GET',
    handler: (_request: IncomingMessage, response: ServerResponse) => {
      if (!devTeams) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(devJwks()));
    },
  };
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const receiver: Receiver = config.SLACK_APP_TOKEN
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN,
        customRoutes: [health, teamsRoute, devOpenId, devKeys, web],
        installerOptions: { port: config.PORT },
      })
    : gated(
        new HTTPReceiver({
          signingSecret: config.signingSecret,
          endpoints: '/slack/events',
          customRoutes: [health, teamsRoute, devOpenId, devKeys, web],
        }),
        config,
      );

  // Offline only: the development default is public, like the signing secret's.
  const shareSecret = config.SHARE_LINK_SECRET ?? `share-links:${config.signingSecret}`;
  const shareLinks = createShareLinks({
    secret: shareSecret,
    links: createShareLinkStore(deps.db, config.TABLE_NAME),
    clock: deps.clock,
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
    web: { shareLinks, publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}` },
    people: lateTeamsNotifier(() => teams),
  });
  const { app } = product;
  http = getRequestListener(
    createHttpApp({
      store: deps.store,
      db: deps.db,
      tableName: config.TABLE_NAME,
      clock: deps.clock,
      queue,
      metrics: product.deps.metrics,
      log: (message, error) => console.error(message, error ?? ''),
      defaultIjbId: config.DIRECTIONS_IJB,
      rateLimit: { limit: config.API_RATE_LIMIT, windowSeconds: 60 },
      keyTrustMs: config.API_KEY_TRUST_SECONDS * 1000,
      shareSecret,
      paperReader: createWorkerReader(),
    }).fetch,
  );
  // Summaries a crash left behind are healed at start-up and then every 30 s (summary-sweep.ts).
  const sweep = () => {
    void Promise.resolve(product?.jobHandlers[SUMMARY_SWEEP_JOB]?.({})).catch((error: unknown) =>
      console.error('Summary sweep failed:', error),
    );
  };
  sweep();
  const sweeper = setInterval(sweep, SUMMARY_SWEEP_INTERVAL_MS);
  sweeper.unref();
  // Socket Mode dials out to Slack; only the HTTP receiver listens, and only on HOST.
  const started = (await (socketMode
    ? app.start(config.PORT)
    : app.start({ port: config.PORT, host: config.HOST }))) as unknown;
  const bound = socketMode ? undefined : ((started as Server).address() as AddressInfo);
  const port = bound?.port ?? config.PORT;
  devBase = `http://127.0.0.1:${port}`;
  if (config.TEAMS_APP_ID || config.TEAMS_EMULATOR === '1' || devTeams) {
    teams = buildTeamsProduct({
      auth: devTeams
        ? {
            appId: DEV_TEAMS_APP_ID,
            openIdMetadataUrl: `${devBase}${devOpenId.path}`,
            outbound: new DevCredentials(),
          }
        : {
            appId: config.TEAMS_APP_ID,
            appPassword: config.TEAMS_APP_PASSWORD,
            tenantId: config.TEAMS_TENANT_ID,
            openIdMetadataUrl: config.TEAMS_OPENID_METADATA_URL,
            emulator: config.TEAMS_EMULATOR === '1',
            outbound: deps.teamsOutbound,
          },
      store: deps.store,
      db: deps.db,
      tableName: config.TABLE_NAME,
      clock: deps.clock,
      queue,
      defaultIjbId: config.DIRECTIONS_IJB,
      admins: config.DIRECTIONS_ADMINS,
    });
  }
  return {
    app,
    port,
    host: bound?.address,
    socketMode,
    drain: () => queue.drain(),
    sweep: async () => {
      await product?.jobHandlers[SUMMARY_SWEEP_JOB]?.({});
    },
    stop: async () => {
      clearInterval(sweeper);
      await queue.drain();
      await app.stop();
    },
  };
}

/** POST /api/messages: the Bot Framework's JSON activity, to the Teams product when configured. */
async function answerTeams(
  teams: TeamsProduct | undefined,
  request: IncomingMessage,
  response: ServerResponse,
) {
  if (!teams) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Teams is not configured (TEAMS_APP_ID).');
    return;
  }
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      // An activity is a few KB; anything near Bot Framework's own 256 KB ceiling is refused.
      if (size > 256 * 1024) return void response.writeHead(413).end();
      chunks.push(chunk as Buffer);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      response.writeHead(400).end('Not JSON');
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : value,
      ]),
    );
    const answer = await teams.handle({ method: 'POST', headers, body });
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body ?? '');
  } catch (error) {
    console.error('Teams request failed:', error);
    if (!response.headersSent) response.writeHead(500).end();
  }
}

/** Every POST to /slack/events passes the request gate before Bolt reads it. */
function gated(receiver: HTTPReceiver, config: Config): HTTPReceiver {
  receiver.requestListener = gatedListener(receiver.requestListener, {
    signingSecret: config.signingSecret,
    path: '/slack/events',
    warn: (message) => {
      if (config.LOG_LEVEL !== 'error') console.warn(message);
    },
  });
  return receiver;
}
