import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type ReviewRound,
  ReviewRoundSchema,
  type RoundEvent,
  type RoundSnapshotEntry,
  RoundSnapshotEntrySchema,
} from '../domain/review-round';
import { stripKeys, written } from './conditional-write';
import { keys } from './keys';
import { queryAll } from './query-all';

/** A round as kept: which close it is on, so each close has its own append-only snapshot. */
export interface StoredRound extends ReviewRound {
  closings: number;
}

/**
 * Review rounds and their snapshots. No transactions (dynalite has none): one open round per
 * IJB is a create-once pointer item; a snapshot entry is a create-once put; a close is
 * 'closing' → entries → 'closed', so a close cut short completes when run again.
 */
export interface ReviewStore {
  /** Creates the round and makes it the open one; false when another round is open (or the id exists). */
  open(round: ReviewRound): Promise<boolean>;
  get(ijbId: string, roundId: string): Promise<StoredRound | undefined>;
  /** The IJB's open round, if any. */
  openRound(ijbId: string): Promise<StoredRound | undefined>;
  list(ijbId: string): Promise<StoredRound[]>;
  /** Marks the round closing (keeping the first closedAt); false when it is not open or closing. */
  beginClose(ijbId: string, roundId: string, at: string): Promise<boolean>;
  /** Writes an entry once; an entry already there is left as it is (a rerun of a close). */
  putSnapshotEntry(ijbId: string, roundId: string, closing: number, entry: RoundSnapshotEntry): Promise<void>;
  snapshot(ijbId: string, roundId: string, closing: number): Promise<RoundSnapshotEntry[]>;
  finishClose(ijbId: string, roundId: string, event: RoundEvent): Promise<void>;
  /** Moves the close date of an open round. */
  extend(ijbId: string, roundId: string, event: RoundEvent & { closes: string }): Promise<boolean>;
  /** Opens a closed round again (a new close will take a new snapshot); false when another is open. */
  reopen(ijbId: string, roundId: string, event: RoundEvent): Promise<boolean>;
}

export function createReviewStore(db: DynamoDBDocumentClient, tableName: string): ReviewStore {
  const parse = (item: Record<string, unknown>): StoredRound => {
    const fields = stripKeys(item);
    return { ...ReviewRoundSchema.parse(fields), closings: Number(fields.closings ?? 0) };
  };
  const get = async (ijbId: string, roundId: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.reviewRound(ijbId, roundId) }),
    );
    return Item ? parse(Item) : undefined;
  };
  const claimOpen = (ijbId: string, roundId: string) =>
    written(
      db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.openRound(ijbId), type: 'OpenRound', roundId },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );

  return {
    async open(round) {
      if (!(await claimOpen(round.ijbId, round.id))) return false;
      const created = await written(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.reviewRound(round.ijbId, round.id), type: 'ReviewRound', ...round, closings: 0 },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      if (!created)
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.openRound(round.ijbId),
            ConditionExpression: 'roundId = :id',
            ExpressionAttributeValues: { ':id': round.id },
          }),
        );
      return created;
    },

    get,

    async openRound(ijbId) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.openRound(ijbId) }));
      return Item ? get(ijbId, String(Item.roundId)) : undefined;
    },

    async list(ijbId) {
      const { pk, skPrefix } = keys.reviewRoundPrefix(ijbId);
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      });
      return items.map(parse);
    },

    async beginClose(ijbId, roundId, at) {
      // Only open → closing counts a close; a close cut short is found 'closing' and carries on.
      const began = await written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.reviewRound(ijbId, roundId),
            UpdateExpression: 'SET #state = :closing, closedAt = :at, closings = closings + :one',
            ConditionExpression: '#state = :open',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':closing': 'closing', ':open': 'open', ':at': at, ':one': 1 },
          }),
        ),
      );
      return began || (await get(ijbId, roundId))?.state === 'closing';
    },

    async putSnapshotEntry(ijbId, roundId, closing, entry) {
      await written(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.roundSnapshot(ijbId, roundId, closing, entry.ref),
              type: 'RoundSnapshot',
              ...entry,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },

    async snapshot(ijbId, roundId, closing) {
      const { pk } = keys.roundSnapshotPartition(ijbId, roundId, closing);
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      });
      return items.map((item) => RoundSnapshotEntrySchema.parse(stripKeys(item)));
    },

    async finishClose(ijbId, roundId, event) {
      await written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.reviewRound(ijbId, roundId),
            UpdateExpression: 'SET #state = :closed, events = list_append(events, :event)',
            ConditionExpression: '#state = :closing',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':closed': 'closed', ':closing': 'closing', ':event': [event] },
          }),
        ),
      );
      await written(
        db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.openRound(ijbId),
            ConditionExpression: 'roundId = :id',
            ExpressionAttributeValues: { ':id': roundId },
          }),
        ),
      );
    },

    extend(ijbId, roundId, event) {
      return written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.reviewRound(ijbId, roundId),
            UpdateExpression: 'SET closes = :closes, events = list_append(events, :event)',
            ConditionExpression: '#state = :open',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':closes': event.closes, ':event': [event], ':open': 'open' },
          }),
        ),
      );
    },

    async reopen(ijbId, roundId, event) {
      if (!(await claimOpen(ijbId, roundId))) return false;
      const reopened = await written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.reviewRound(ijbId, roundId),
            UpdateExpression: 'SET #state = :open, events = list_append(events, :event) REMOVE closedAt',
            ConditionExpression: '#state = :closed',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':open': 'open', ':closed': 'closed', ':event': [event] },
          }),
        ),
      );
      if (!reopened)
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.openRound(ijbId),
            ConditionExpression: 'roundId = :id',
            ExpressionAttributeValues: { ':id': roundId },
          }),
        );
      return reopened;
    },
  };
}
