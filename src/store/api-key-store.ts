import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type ApiKeyRecord, ApiKeyRecordSchema } from '../domain/api-access';
import { apiAccessKeys } from './api-access-keys';
import { isConditionFailure, stripKeys, written } from './conditional-write';

/** Fixed-window rate limit: `limit` requests in the window that starts at `start` (epoch seconds). */
export interface RateWindow {
  start: number;
  limit: number;
}

export type KeyUse =
  | { kind: 'ok'; record: ApiKeyRecord }
  | { kind: 'unknown' }
  | { kind: 'revoked'; record: ApiKeyRecord }
  | { kind: 'limited'; record: ApiKeyRecord };

export interface ApiKeyStore {
  /** Create-once: false when the id is taken. */
  create(record: ApiKeyRecord): Promise<boolean>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  list(): Promise<ApiKeyRecord[]>;
  /** False when there is no such key or it was revoked already. */
  revoke(id: string, at: string): Promise<boolean>;
  /**
   * Checks the key and counts one request in the rate window, in one conditional write in
   * the common case: the hash must match, the key must not be revoked, the window not full.
   * Only when the condition fails is the item re-read, to say which (dynalite does not
   * return the old item on a failed condition).
   */
  use(id: string, keyHash: string, window: RateWindow, at: string): Promise<KeyUse>;
}

export function createApiKeyStore(db: DynamoDBDocumentClient, tableName: string): ApiKeyStore {
  const get = async (id: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: apiAccessKeys.apiKey(id), ConsistentRead: true }),
    );
    return Item ? ApiKeyRecordSchema.parse(stripKeys(Item)) : undefined;
  };

  const count = async (id: string, keyHash: string, window: RateWindow, at: string, fresh: boolean) => {
    try {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: apiAccessKeys.apiKey(id),
          UpdateExpression: fresh
            ? 'SET windowStart = :w, windowCount = :one, lastUsedAt = :at'
            : 'SET windowCount = windowCount + :one, lastUsedAt = :at',
          ConditionExpression: `attribute_exists(pk) AND keyHash = :hash AND attribute_not_exists(revokedAt) AND ${
            fresh
              ? '(attribute_not_exists(windowStart) OR windowStart < :w)'
              : 'windowStart = :w AND windowCount < :limit'
          }`,
          ExpressionAttributeValues: {
            ':w': window.start,
            ':one': 1,
            ':at': at,
            ':hash': keyHash,
            ...(fresh ? {} : { ':limit': window.limit }),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return ApiKeyRecordSchema.parse(stripKeys(Attributes ?? {}));
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  };

  return {
    create: (record) =>
      written(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...apiAccessKeys.apiKey(record.id),
              ...apiAccessKeys.apiKeyIndex(record.createdAt, record.id),
              type: 'ApiKey',
              ...record,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      ),

    get,

    async list() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :scope',
            ExpressionAttributeValues: { ':scope': apiAccessKeys.apiKeyScope },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items.map((item) => ApiKeyRecordSchema.parse(stripKeys(item)));
    },

    revoke: (id, at) =>
      written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: apiAccessKeys.apiKey(id),
            UpdateExpression: 'SET revokedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      ),

    async use(id, keyHash, window, at) {
      // A few rounds at most: another request may open the new window between our two writes.
      for (let attempt = 0; attempt < 3; attempt++) {
        const counted = await count(id, keyHash, window, at, false);
        if (counted) return { kind: 'ok', record: counted };
        const record = await get(id);
        if (!record || record.keyHash !== keyHash) return { kind: 'unknown' };
        if (record.revokedAt) return { kind: 'revoked', record };
        if (record.windowStart !== undefined && record.windowStart >= window.start) {
          if ((record.windowCount ?? 0) >= window.limit) return { kind: 'limited', record };
          continue;
        }
        const opened = await count(id, keyHash, window, at, true);
        if (opened) return { kind: 'ok', record: opened };
      }
      return { kind: 'unknown' };
    },
  };
}
