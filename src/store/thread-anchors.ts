import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { keys } from './keys';

/**
 * A Slack message that stands for one or more directions — a nudge digest, a living status
 * card — so a reply in its thread can be understood as being about them.
 */
export const ThreadAnchorSchema = z.object({
  channel: z.string().min(1),
  ts: z.string().min(1),
  kind: z.enum(['nudge', 'status-card', 'conversation']),
  directions: z.array(z.object({ ijbId: z.string(), planYear: z.string(), ref: z.string() })).min(1),
  createdAt: z.string(),
});
export type ThreadAnchor = z.infer<typeof ThreadAnchorSchema>;

export interface ThreadAnchorStore {
  put(anchor: ThreadAnchor): Promise<void>;
  get(channel: string, ts: string): Promise<ThreadAnchor | undefined>;
}

export function createThreadAnchorStore(db: DynamoDBDocumentClient, tableName: string): ThreadAnchorStore {
  return {
    async put(anchor) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.threadAnchor(anchor.channel, anchor.ts), type: 'ThreadAnchor', ...anchor },
        }),
      );
    },
    async get(channel, ts) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.threadAnchor(channel, ts) }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...anchor } = Item;
      return ThreadAnchorSchema.parse(anchor);
    },
  };
}
