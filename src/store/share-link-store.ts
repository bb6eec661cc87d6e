import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ShareLinkRecord, ShareLinkRecordSchema } from '../domain/api-access';
import { apiAccessKeys } from './api-access-keys';
import { stripKeys, written } from './conditional-write';

/** Share links to the web register: the signed token proves the link; this record lets it be revoked. */
export interface ShareLinkStore {
  create(record: ShareLinkRecord): Promise<boolean>;
  get(id: string): Promise<ShareLinkRecord | undefined>;
  revoke(id: string, at: string): Promise<boolean>;
}

export function createShareLinkStore(db: DynamoDBDocumentClient, tableName: string): ShareLinkStore {
  return {
    create: (record) =>
      written(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...apiAccessKeys.shareLink(record.id), type: 'ShareLink', ...record },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      ),
    async get(id) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: apiAccessKeys.shareLink(id) }),
      );
      return Item ? ShareLinkRecordSchema.parse(stripKeys(Item)) : undefined;
    },
    revoke: (id, at) =>
      written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: apiAccessKeys.shareLink(id),
            UpdateExpression: 'SET revokedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      ),
  };
}
