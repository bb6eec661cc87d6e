import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../src/config';
import { startEmbeddedDynamo } from '../src/local/embedded-dynamo';
import { createDocumentClient } from '../src/store/dynamo-client';
import { ensureTable } from '../src/store/ensure-table';

export interface BenchDynamo {
  endpoint: string;
  tableName: string;
  /** A fresh client; `requests()` counts what it sent. */
  client(): { db: DynamoDBDocumentClient; requests: () => number; reset: () => void };
  close(): Promise<void>;
}

/**
 * The DynamoDB a benchmark runs against: AWS_ENDPOINT_URL_DYNAMODB when set (the same
 * switch as every other tool), else a fresh in-memory dynalite, so benchmarks never touch
 * the data under DATA_DIR.
 */
export async function openBenchDynamo(tableSuffix: string): Promise<BenchDynamo> {
  const config = loadConfig();
  const embedded = config.AWS_ENDPOINT_URL_DYNAMODB ? undefined : await startEmbeddedDynamo();
  const endpoint = config.AWS_ENDPOINT_URL_DYNAMODB ?? (embedded?.endpoint as string);
  const tableName = `${config.TABLE_NAME}-bench-${tableSuffix}`;
  const clients: DynamoDBDocumentClient[] = [];
  const client = () => {
    const db = createDocumentClient({ region: config.AWS_REGION, endpoint, requestTimeoutMs: 10_000 });
    let count = 0;
    db.middlewareStack.add(
      (next) => async (args) => {
        count++;
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    clients.push(db);
    const reset = () => {
      count = 0;
    };
    return { db, requests: () => count, reset };
  };
  await ensureTable(client().db, tableName);
  return {
    endpoint,
    tableName,
    client,
    close: async () => {
      for (const db of clients) db.destroy();
      await embedded?.close();
    },
  };
}
