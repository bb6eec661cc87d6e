import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Item } };

/** BatchWriteItem in 25s, retrying what DynamoDB leaves unprocessed with backoff. */
export async function batchWrite(
  db: DynamoDBDocumentClient,
  tableName: string,
  all: readonly WriteRequest[],
): Promise<void> {
  for (let i = 0; i < all.length; i += 25) {
    let requests = all.slice(i, i + 25);
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept items unprocessed after 8 retries');
      if (attempt > 0)
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 2_000)));
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: [...requests] } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
}
