import { HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import { ConfigError, loadConfig } from '../config';
import { createLookupService } from '../lookup/lookup-service';
import { seedRegister } from '../register/seed';
import { createSlackApp } from '../slack/app';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import { TableMismatchError } from '../store/ensure-table';
import { announceEndpoint, withdrawEndpoint } from './embedded-dynamo';
import { openLocalDynamo } from './local-dynamo';

/**
 * `npm start`: the whole product on one machine. DynamoDB is dynalite persisted under
 * DATA_DIR (or AWS_ENDPOINT_URL_DYNAMODB), the register is seeded when empty, and Bolt
 * serves Slack at POST /slack/events — or, with SLACK_APP_TOKEN, over Socket Mode.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const dynamo = await openLocalDynamo(config, { announce: true });
  if (dynamo.source === 'embedded') await announceEndpoint(config.DATA_DIR, dynamo.endpoint);
  const store = createDynamoRegisterStore(dynamo.db, config.TABLE_NAME);
  const seeded = await seedRegister(store, new Date());

  const health = {
    path: '/health',
    method: 'GET',
    handler: (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    },
  };
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const receiver: Receiver = socketMode
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN as string,
        customRoutes: [health],
        installerOptions: { port: config.PORT },
      })
    : new HTTPReceiver({
        signingSecret: config.signingSecret,
        endpoints: '/slack/events',
        customRoutes: [health],
      });
  const app = createSlackApp(
    {
      receiver,
      socketMode,
      ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
      ...(config.SLACK_BOT_ID ? { botId: config.SLACK_BOT_ID } : {}),
      ...(config.SLACK_BOT_USER_ID ? { botUserId: config.SLACK_BOT_USER_ID } : {}),
      ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
      logLevel: config.LOG_LEVEL,
    },
    { lookup: createLookupService({ store, clock: () => new Date(), defaultIjbId: config.DIRECTIONS_IJB }) },
  );
  await app.start(config.PORT);

  const where =
    dynamo.source === 'configured' ? dynamo.endpoint : `${config.DATA_DIR}/ (dynalite at ${dynamo.endpoint})`;
  console.log(
    [
      `IJB Directions is ready${socketMode ? ' (Socket Mode: connected to your Slack workspace)' : ''}.`,
      `  Slack endpoint  http://localhost:${config.PORT}/slack/events`,
      `  Health          http://localhost:${config.PORT}/health`,
      `  Register        ${where}${seeded.length > 0 ? ` — seeded ${seeded.join(', ')}` : ''}`,
      config.usingDevelopmentSecret
        ? '  Signing secret  the development default (set SLACK_SIGNING_SECRET for a real workspace)'
        : '  Signing secret  from SLACK_SIGNING_SECRET',
      '',
      '  Try it:  npm run chat -- "/direction 5.1"',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping.`);
    await app.stop().catch(() => {});
    if (dynamo.source === 'embedded') await withdrawEndpoint(config.DATA_DIR);
    await dynamo.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof TableMismatchError) {
    console.error(
      `${error.message}.\nThe local data under DATA_DIR was made by an older version: move it aside (mv .data .data.old) and start again.`,
    );
  } else if ((error as { code?: string }).code === 'EADDRINUSE') {
    console.error(
      `Port ${process.env.PORT ?? 3000} is in use: is IJB Directions already running? Set PORT to use another.`,
    );
  } else if (
    /LOCK|lock/.test(String((error as Error)?.message ?? '')) ||
    (error as { code?: string }).code === 'LEVEL_DATABASE_NOT_OPEN'
  ) {
    console.error('The local database is in use by another process (is `npm start` already running?).');
  } else {
    console.error(error);
  }
  process.exit(1);
});
