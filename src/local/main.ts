import './quiet-sdk-notice';
import { ConfigError, LOCAL_USER_ID, loadConfig, localUrl, productClock, todayLine } from '../config';
import { seedRegister } from '../register/seed';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import { TableMismatchError } from '../store/ensure-table';
import { createImportStore } from '../store/import-store';
import { announceEndpoint, withdrawEndpoint } from './embedded-dynamo';
import { openLocalDynamo } from './local-dynamo';
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
  const server = await startLocalServer(config, { store, db: dynamo.db, clock });

  const where =
    dynamo.source === 'configured' ? dynamo.endpoint : `${config.DATA_DIR}/ (dynalite at ${dynamo.endpoint})`;
  console.log(
    [
      `IJB Directions is ready${server.socketMode ? ' (Socket Mode: connected to your Slack workspace)' : ''}.`,
      `  Slack endpoint  ${localUrl(config, '/slack/events', server.port)}`,
      `  Health          ${localUrl(config, '/health', server.port)}`,
      `  Register        ${where}${seeded.length > 0 ? ` — seeded ${seeded.join(', ')}` : ''}`,
      config.usingDevelopmentSecret
        ? '  Signing secret  the development default (set SLACK_SIGNING_SECRET for a real workspace)'
        : '  Signing secret  from SLACK_SIGNING_SECRET',
      `  IJB admins      ${config.DIRECTIONS_ADMINS.join(', ') || 'none (set DIRECTIONS_ADMINS)'}${
        config.usingDevelopmentSecret && config.DIRECTIONS_ADMINS.includes(LOCAL_USER_ID)
          ? ' — the chat’s own user, offline only'
          : ''
      }`,
      todayLine(config, clock),
      '',
      '  Try it:  npm run chat -- "/direction 5.1"',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping.`);
    await server.stop().catch(() => {});
    if (dynamo.source === 'embedded') await withdrawEndpoint(config.DATA_DIR);
    await dynamo.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
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
    return `Port ${process.env.PORT ?? 3000} is in use: is IJB Directions already running? Set PORT to use another.`;
  }
  if (code === 'LEVEL_DATABASE_NOT_OPEN' || /lock/i.test(message)) {
    return 'The local database under DATA_DIR is in use by another process: is `npm start` already running?';
  }
  return error;
}
