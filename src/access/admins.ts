import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../store/keys';

/**
 * Who administers an IJB's register in Slack: the user ids configured at deploy time
 * (DIRECTIONS_ADMINS), plus those an admin has added since (kept in the table). Checked
 * before any write that only admins may make.
 */
export interface AdminDirectory {
  isAdmin(ijbId: string, userId: string): Promise<boolean>;
  list(ijbId: string): Promise<string[]>;
  /** Adds `userId` as an admin of the IJB; `addedBy` must already be one. */
  add(ijbId: string, userId: string, addedBy: string, at: Date): Promise<void>;
}

export class NotAnAdminError extends Error {
  override name = 'NotAnAdminError';
}

export function createAdminDirectory(
  db: DynamoDBDocumentClient,
  tableName: string,
  configured: readonly string[],
): AdminDirectory {
  const list = async (ijbId: string): Promise<string[]> => {
    const { pk, skPrefix } = keys.adminPrefix(ijbId);
    const { Items = [] } = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      }),
    );
    return [...new Set([...configured, ...Items.map((item) => String(item.userId))])];
  };
  return {
    list,
    async isAdmin(ijbId, userId) {
      return configured.includes(userId) || (await list(ijbId)).includes(userId);
    },
    async add(ijbId, userId, addedBy, at) {
      if (!(configured.includes(addedBy) || (await list(ijbId)).includes(addedBy))) {
        throw new NotAnAdminError(`${addedBy} is not an admin of ${ijbId}`);
      }
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.admin(ijbId, userId), type: 'Admin', userId, addedBy, addedAt: at.toISOString() },
        }),
      );
    },
  };
}
