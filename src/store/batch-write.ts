import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/** BatchWriteItems in flight at once: enough to keep DynamoDB busy, few enough to finish within the client's timeouts. */
export const BATCHES_IN_FLIGHT = 4;
const MAX_ATTEMPTS = 10;

/**
 * BatchWriteItem in 25s, a few at a time (each item is written once, in any order), retrying
 * what DynamoDB leaves unprocessed and what fails on the way — throttling, timeouts, a dropped
 * connection — with jittered backoff. Sending every batch of a 10,000-direction paper at once
 * timed them all out against the 1 s connection timeout; paced, they complete.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */
export async function batchWrite(
  db: DynamoDBDocumentClient,
  tableName: string,
  all: readonly WriteRequest[],
): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < all.length; i += 25) batches.push(all.slice(i, i + 25));
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as WriteRequest[];
      await writeBatch(db, tableName, batch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, lane));
}

async function writeBatch(
  db: DynamoDBDocumentClient,
  tableName: string,
  batch: WriteRequest[],
): Promise<void> {
  let requests = batch;
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 0) await sleep(backoff(attempt));
    try {
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: [...requests] } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    } catch (error) {
      if (!isTransient(error) || attempt + 1 >= MAX_ATTEMPTS) throw error;
      continue;
    }
    if (requests.length > 0 && attempt + 1 >= MAX_ATTEMPTS)
      throw new Error(`DynamoDB kept ${requests.length} items unprocessed after ${MAX_ATTEMPTS} attempts`);
  }
}

const TRANSIENT = new Set([
  'TimeoutError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Failures a later attempt can get past; puts and deletes are idempotent, so resending a batch is safe. */
export function isTransient(error: unknown): boolean {
  const { name, code, $retryable } = (error ?? {}) as { name?: string; code?: string; $retryable?: unknown };
  return TRANSIENT.has(name ?? '') || TRANSIENT_CODES.has(code ?? '') || $retryable !== undefined;
}

/** 50 ms doubling to 2 s, with full jitter so paced writers do not retry in step. */
function backoff(attempt: number): number {
  return Math.random() * Math.min(50 * 2 ** attempt, 2_000);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
