import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DirectionKey } from '../domain/progress-update';
import { written } from './conditional-write';
import { updateKeys } from './update-keys';

/** A direction's living status card: the one message in its team channel that shows where it stands. */
export interface StatusCard {
  channel: string;
  /** The message's ts, once posted. */
  ts?: string;
  claimedAt: string;
  /** The direction version the card last showed: an older rendering never replaces a newer one. */
  renderedVersion?: number;
}

export interface StatusCardStore {
  get(key: DirectionKey): Promise<StatusCard | undefined>;
  /**
   * Claims the right to post the card in `channel`: true for exactly one of many concurrent
   * callers — when there is no card, it is in another channel, or an earlier claim went stale.
   */
  claim(key: DirectionKey, channel: string, at: Date, staleAfterMs: number): Promise<boolean>;
  posted(key: DirectionKey, channel: string, ts: string, version: number): Promise<void>;
  /** True when `version` is newer than what the card shows, and records it as shown. */
  claimRender(key: DirectionKey, version: number): Promise<boolean>;
}

export function createStatusCardStore(db: DynamoDBDocumentClient, tableName: string): StatusCardStore {
  const keyOf = (key: DirectionKey) => updateKeys.statusCard(key.ijbId, key.planYear, key.ref);
  const conditional = (command: PutCommand | UpdateCommand) =>
    written(command instanceof PutCommand ? db.send(command) : db.send(command));
  return {
    async get(key) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keyOf(key), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      return {
        channel: String(Item.channel),
        claimedAt: String(Item.claimedAt),
        ...(Item.ts ? { ts: String(Item.ts) } : {}),
        ...(typeof Item.renderedVersion === 'number' ? { renderedVersion: Item.renderedVersion } : {}),
      };
    },
    claim(key, channel, at, staleAfterMs) {
      return conditional(
        new PutCommand({
          TableName: tableName,
          Item: { ...keyOf(key), type: 'StatusCard', ...key, channel, claimedAt: at.toISOString() },
          ConditionExpression:
            'attribute_not_exists(pk) OR #channel <> :channel OR (attribute_not_exists(ts) AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#channel': 'channel' },
          ExpressionAttributeValues: {
            ':channel': channel,
            ':stale': new Date(at.getTime() - staleAfterMs).toISOString(),
          },
        }),
      );
    },
    async posted(key, channel, ts, version) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(key),
          UpdateExpression: 'SET ts = :ts, renderedVersion = :version',
          ConditionExpression: '#channel = :channel',
          ExpressionAttributeNames: { '#channel': 'channel' },
          ExpressionAttributeValues: { ':ts': ts, ':version': version, ':channel': channel },
        }),
      );
    },
    claimRender(key, version) {
      return conditional(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(key),
          UpdateExpression: 'SET renderedVersion = :version',
          ConditionExpression:
            'attribute_exists(ts) AND (attribute_not_exists(renderedVersion) OR renderedVersion < :version)',
          ExpressionAttributeValues: { ':version': version },
        }),
      );
    },
  };
}
