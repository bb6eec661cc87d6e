import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { filterKey, type Subscription, SubscriptionSchema } from '../domain/subscription';
import { nudgeKeys } from './nudge-keys';
import { queryAll, withoutKeys } from './query-all';

/** Which channels follow what, per IJB. */
export interface SubscriptionStore {
  /** 'existed' when the channel already had exactly this subscription. */
  add(subscription: Subscription): Promise<'added' | 'existed'>;
  /** The subscriptions removed (none when the channel had none of them). */
  remove(ijbId: string, channel: string, keys?: readonly string[]): Promise<Subscription[]>;
  listForChannel(ijbId: string, channel: string): Promise<Subscription[]>;
  listForIjb(ijbId: string): Promise<Subscription[]>;
}

export function createSubscriptionStore(db: DynamoDBDocumentClient, tableName: string): SubscriptionStore {
  const list = async (ijbId: string, channel?: string): Promise<Subscription[]> => {
    const { pk, skPrefix } = nudgeKeys.subscriptionPrefix(ijbId, channel);
    const items = await queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
    });
    return items.map((item) => SubscriptionSchema.parse(withoutKeys(item)));
  };

  return {
    async add(subscription) {
      const key = nudgeKeys.subscription(
        subscription.ijbId,
        subscription.channel,
        filterKey(subscription.filter),
      );
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, type: 'Subscription', ...subscription },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'added';
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return 'existed';
        throw error;
      }
    },
    async remove(ijbId, channel, only) {
      const current = await list(ijbId, channel);
      const doomed = only
        ? current.filter((subscription) => only.includes(filterKey(subscription.filter)))
        : current;
      for (const subscription of doomed) {
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: nudgeKeys.subscription(ijbId, channel, filterKey(subscription.filter)),
          }),
        );
      }
      return doomed;
    },
    listForChannel: (ijbId, channel) => list(ijbId, channel),
    listForIjb: (ijbId) => list(ijbId),
  };
}
