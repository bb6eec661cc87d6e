import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { apiAccessKeys } from './api-access-keys';
import { written } from './conditional-write';

export type Claim = 'first' | 'same' | 'different';

/**
 * What an Idempotency-Key named: the hash of the first body sent with it, written once
 * (create-once put). A later request with the key is the same request when its body hash
 * matches, and a mistake when it does not. Concurrent first requests race on the put; the
 * losers re-read the winner's hash.
 */
export interface IdempotencyStore {
  claim(keyId: string, idempotencyKey: string, bodyHash: string, at: string): Promise<Claim>;
}

export function createIdempotencyStore(db: DynamoDBDocumentClient, tableName: string): IdempotencyStore {
  return {
    async claim(keyId, idempotencyKey, bodyHash, at) {
      const Key = apiAccessKeys.idempotency(keyId, idempotencyKey);
      const made = await written(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...Key, type: 'IdempotencyKey', bodyHash, at },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      if (made) return 'first';
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
      return Item?.bodyHash === bodyHash ? 'same' : 'different';
    },
  };
}
