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
  | { kind: 'ok'; record: ApiKeyRecord; counted: number }
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
   * return the old item on a failed condition). `reserve` counts that many requests at once
   * (fewer when fewer are left in the window); the answer says how many were counted.
   */
  use(id: string, keyHash: string, window: RateWindow, at: string, reserve?: number): Promise<KeyUse>;
}

export function createApiKeyStore(db: DynamoDBDocumentClient, tableName: string): ApiKeyStore {
  const get = async (id: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: apiAccessKeys.apiKey(id), ConsistentRead: true }),
    );
    return Item ? ApiKeyRecordSchema.parse(stripKeys(Item)) : undefined;
  };

  const count = async (
    id: string,
    keyHash: string,
    window: RateWindow,
    at: string,
    fresh: boolean,
    n: number,
  ) => {
    try {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: apiAccessKeys.apiKey(id),
          UpdateExpression: fresh
            ? 'SET windowStart = :w, windowCount = :n, lastUsedAt = :at'
            : 'SET windowCount = windowCount + :n, lastUsedAt = :at',
          ConditionExpression: `attribute_exists(pk) AND keyHash = :hash AND attribute_not_exists(revokedAt) AND ${
            fresh
              ? '(attribute_not_exists(windowStart) OR windowStart < :w)'
              : 'windowStart = :w AND windowCount <= :room'
          }`,
          ExpressionAttributeValues: {
            ':w': window.start,
            ':n': n,
            ':at': at,
            ':hash': keyHash,
            // Room for n more: the count before this write may be at most limit - n.
            ...(fresh ? {} : { ':room': window.limit - n }),
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

    async use(id, keyHash, window, at, reserve = 1) {
      let n = Math.max(1, Math.min(reserve, window.limit));
      // A few rounds at most: another request may open the new window between our two writes.
      for (let attempt = 0; attempt < 4; attempt++) {
        const counted = await count(id, keyHash, window, at, false, n);
        if (counted) return { kind: 'ok', record: counted, counted: n };
        const record = await get(id);
        if (!record || record.keyHash !== keyHash) return { kind: 'unknown' };
        if (record.revokedAt) return { kind: 'revoked', record };
        if (record.windowStart !== undefined && record.windowStart >= window.start) {
          const left = window.limit - (record.windowCount ?? 0);
          if (left <= 0) return { kind: 'limited', record };
          n = Math.min(n, left);
          continue;
        }
        const opened = await count(id, keyHash, window, at, true, n);
        if (opened) return { kind: 'ok', record: opened, counted: n };
      }
      // Raced every time by other requests of this key for the last of the window: refuse for now.
      const record = await get(id);
      if (!record || record.keyHash !== keyHash) return { kind: 'unknown' };
      return record.revokedAt ? { kind: 'revoked', record } : { kind: 'limited', record };
    },
  };
}
