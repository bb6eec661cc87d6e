import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config';
import { createDocumentClient } from '../store/dynamo-client';
import { ensureTable } from '../store/ensure-table';
import { announcedEndpoint, startEmbeddedDynamo } from './embedded-dynamo';

export interface LocalDynamo {
  db: DynamoDBDocumentClient;
  endpoint: string;
  /** 'configured': AWS_ENDPOINT_URL_DYNAMODB; 'shared': a running `npm start`; 'embedded': started here. */
  source: 'configured' | 'shared' | 'embedded';
  close(): Promise<void>;
}

/**
 * The DynamoDB every local tool uses, chosen the same way everywhere: the endpoint in
 * AWS_ENDPOINT_URL_DYNAMODB when set; else the embedded one a running `npm start` announced;
 * else a new embedded dynalite over DATA_DIR. The table is created when missing.
 */
export async function openLocalDynamo(
  config: Config,
  options: { announce?: boolean } = {},
): Promise<LocalDynamo> {
  const settings = { region: config.AWS_REGION };
  if (config.AWS_ENDPOINT_URL_DYNAMODB) {
    return ready(
      config,
      createDocumentClient({ ...settings, endpoint: config.AWS_ENDPOINT_URL_DYNAMODB }),
      'configured',
      config.AWS_ENDPOINT_URL_DYNAMODB,
      async () => {},
    );
  }
  const shared = options.announce ? undefined : await announcedEndpoint(config.DATA_DIR);
  if (shared && (await answers(shared))) {
    return ready(
      config,
      createDocumentClient({ ...settings, endpoint: shared }),
      'shared',
      shared,
      async () => {},
    );
  }
  const embedded = await startEmbeddedDynamo(config.DATA_DIR);
  return ready(
    config,
    createDocumentClient({ ...settings, endpoint: embedded.endpoint }),
    'embedded',
    embedded.endpoint,
    embedded.close,
  );
}

async function ready(
  config: Config,
  db: DynamoDBDocumentClient,
  source: LocalDynamo['source'],
  endpoint: string,
  stop: () => Promise<void>,
): Promise<LocalDynamo> {
  await ensureTable(db, config.TABLE_NAME);
  return {
    db,
    endpoint,
    source,
    close: async () => {
      db.destroy();
      await stop();
    },
  };
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, { method: 'GET', signal: AbortSignal.timeout(500) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}
