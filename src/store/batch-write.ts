import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/**
 * BatchWriteItem in 25s, the batches in parallel (each item is written once, in any order),
 * retrying what DynamoDB leaves unprocessed with backoff.
 */
export async function batchWrite(
  db: DynamoDBDocumentClient,
  tableName: string,
  all: readonly WriteRequest[],
): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let i = 0; i < all.length; i += 25) batches.push(all.slice(i, i + 25));
  await Promise.all(batches.map((batch) => writeBatch(db, tableName, batch)));
}

async function writeBatch(
  db: DynamoDBDocumentClient,
  tableName: string,
  batch: WriteRequest[],
): Promise<void> {
  {
    let requests = batch;
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept items unprocessed after 8 retries');
      if (attempt > 0)
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 2_000)));
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: [...requests] } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
}
