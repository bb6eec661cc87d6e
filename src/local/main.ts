import './quiet-sdk-notice';
import { ConfigError, LOCAL_USER_ID, loadConfig, localUrl, productClock, todayLine } from '../config';
import { seedRegister } from '../register/seed';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import { TableMismatchError } from '../store/ensure-table';
import { createImportStore } from '../store/import-store';
import { announceEndpoint, withdrawEndpoint } from './embedded-dynamo';
import { openLocalDynamo } from './local-dynamo';
import { startOfflineSlack } from './offline-slack';
import { startLocalServer } from './server';

/**
 * `npm start`: the whole product on one machine. DynamoDB is dynalite persisted under
 * DATA_DIR (or AWS_ENDPOINT_URL_DYNAMODB), the register is seeded when empty, and Bolt
 * serves Slack at POST /slack/events — or, with SLACK_APP_TOKEN, over Socket Mode.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const clock = productClock(config);
  const dynamo = await openLocalDynamo(config, { announce: true });
  if (dynamo.source === 'embedded') await announceEndpoint(config.DATA_DIR, dynamo.endpoint);
  const store = createDynamoRegisterStore(dynamo.db, config.TABLE_NAME);
  const seeded = await seedRegister(store, clock(), createImportStore(dynamo.db, config.TABLE_NAME));
  const offline =
    !config.SLACK_BOT_TOKEN && !config.SLACK_API_URL && !config.SLACK_APP_TOKEN
      ? await startOfflineSlack(config.DATA_DIR)
      : undefined;
  const server = await startLocalServer(offline ? { ...config, SLACK_API_URL: offline.apiUrl } : config, {
    store,
    db: dynamo.db,
    clock,
  }).catch(async (error: unknown) => {
    await offline?.close();
    throw error;
  });

  const where =
    dynamo.source === 'configured' ? dynamo.endpoint : `${config.DATA_DIR}/ (dynalite at ${dynamo.endpoint})`;
  console.log(
    [
      `IJB Directions is ready${server.socketMode ? ' (Socket Mode: connected to your Slack workspace)' : ''}.`,
      `  Slack endpoint  ${localUrl(config, '/slack/events', server.port)}`,
      `  Health          ${localUrl(config, '/health', server.port)}`,
      `  API             ${localUrl(config, '/api/v1', server.port)} (docs /api/docs; keys: npm run apikey -- create)`,
      `  Web register    ${localUrl(config, '/', server.port)} (open a link from /direction share web 30 days)`,
      `  Register        ${where}${seeded.length > 0 ? ` — seeded ${seeded.join(', ')}` : ''}`,
      config.usingDevelopmentSecret
        ? '  Signing secret  the development default (set SLACK_SIGNING_SECRET for a real workspace)'
        : '  Signing secret  from SLACK_SIGNING_SECRET',
      `  IJB admins      ${config.DIRECTIONS_ADMINS.join(', ') || 'none (set DIRECTIONS_ADMINS)'}${
        config.usingDevelopmentSecret && config.DIRECTIONS_ADMINS.includes(LOCAL_USER_ID)
          ? ' — the chat’s own user, offline only'
          : ''
      }`,
      offline
        ? `  Slack           offline: a stand-in at ${offline.url} (set SLACK_BOT_TOKEN for a real workspace)`
        : `  Slack           ${config.SLACK_API_URL ?? 'slack.com'}`,
      todayLine(config, clock),
      '',
      `  Try it:  ${server.port === 3000 ? '' : `PORT=${server.port} `}npm run chat   (then /direction 5.1, home, dm update 5.1, lookup, help)`,
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping.`);
    await server.stop().catch(() => {});
    await offline?.close().catch(() => {});
    if (dynamo.source === 'embedded') await withdrawEndpoint(config.DATA_DIR);
    await dynamo.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // `npm start` stopped by a signal to npm may not pass it on to this process (through sh): when
  // the process that started this one goes, stop too, rather than keep the port and the data.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('npm stopped');
  }, 1_000).unref();
}

main().catch((error: unknown) => {
  console.error(explain(error));
  process.exit(1);
});

function explain(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  const message = String((error as Error)?.message ?? '');
  if (error instanceof ConfigError) return error.message;
  if (error instanceof TableMismatchError) {
    return `${error.message}.\nThe local data under DATA_DIR was made by an older version: move it aside (mv .data .data.old) and start again.`;
  }
  if (code === 'EADDRINUSE') {
    return `Port ${process.env.PORT || 3000} is in use: is IJB Directions already running? Set PORT to use another.`;
  }
  if (code === 'LEVEL_DATABASE_NOT_OPEN' || /lock/i.test(message)) {
    return 'The local database under DATA_DIR is in use by another process: is `npm start` already running?';
  }
  return error;
}
