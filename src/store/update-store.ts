import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type DirectionKey,
  eventOrder,
  type HistoryEvent,
  type ProgressUpdate,
  ProgressUpdateSchema,
  type SignOff,
  type SignOffDecision,
  SignOffDecisionSchema,
  type UpdateContent,
} from '../domain/progress-update';
import { isConditionFailure, stripKeys, written } from './conditional-write';
import { decodeCursor, encodeCursor, toEvent, toUpdate } from './update-items';
import { updateKeys } from './update-keys';

export { decodeCursor };

type Item = Record<string, unknown>;

export interface HistoryPage {
  events: HistoryEvent[];
  /** Where the next (older) page starts; absent on the last page. */
  next?: string;
}

/** Flags a deferred job sets before it acts, so an at-least-once job acts once. */
export type UpdateClaim = 'announcedAt' | 'signOffRequestedAt';

/** Progress updates and sign-off decisions: append-only, one item each, never overwritten. */
export interface UpdateStore {
  /** Writes a new update; 'exists' when one with its id is already there (a retry or double submit). */
  create(update: ProgressUpdate): Promise<'created' | 'exists'>;
  get(key: DirectionKey, id: string): Promise<ProgressUpdate | undefined>;
  /** Newest first, `limit` events a page (updates and decisions). */
  history(key: DirectionKey, options: { limit: number; cursor?: string }): Promise<HistoryPage>;
  /** Marks an update withdrawn by its author; false when it was already withdrawn or decided. */
  withdraw(update: ProgressUpdate, at: string): Promise<boolean>;
  /**
   * A new wording of an update: the current one is kept as a revision item first, then the
   * update moves to the next revision. `editKey` makes a re-submitted edit a no-op.
   */
  revise(
    update: ProgressUpdate,
    content: UpdateContent,
    at: string,
    editKey: string,
  ): Promise<ProgressUpdate | 'conflict'>;
  /** Records a decision; when one exists for the proposal already, returns that one instead. */
  decide(
    decision: SignOffDecision,
  ): Promise<{ created: true } | { created: false; existing: SignOffDecision }>;
  setSignOff(key: DirectionKey, id: string, signOff: SignOff): Promise<void>;
  claim(key: DirectionKey, id: string, flag: UpdateClaim, at: string): Promise<boolean>;
  /** Updates whose summary may lag (a crash between the two writes), oldest first. */
  listUnsummarised(limit: number): Promise<ProgressUpdate[]>;
  /** The summary has caught up with this update: it leaves the unsummarised index. */
  markSummarised(update: ProgressUpdate): Promise<void>;
}

export function createUpdateStore(db: DynamoDBDocumentClient, tableName: string): UpdateStore {
  const updateKey = (key: DirectionKey, id: string) =>
    updateKeys.update(key.ijbId, key.planYear, key.ref, id);

  const get = async (key: DirectionKey, id: string) => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: updateKey(key, id), ConsistentRead: true }),
    );
    return Item ? toUpdate(Item) : undefined;
  };

  return {
    async create(input) {
      // Checked as it will be read back: a write the reader would refuse is refused here, unwritten.
      const update = ProgressUpdateSchema.parse(input);
      const order = eventOrder({ kind: 'update', update });
      const made = await written(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...updateKey(update, update.id),
              ...updateKeys.history(update.ijbId, update.planYear, update.ref, order),
              ...updateKeys.unsummarised(update.ijbId, update.planYear, update.ref, update.id, update.at),
              type: 'ProgressUpdate',
              ...update,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      return made ? 'created' : 'exists';
    },

    get,

    async listUnsummarised(limit) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pending',
          ExpressionAttributeValues: { ':pending': updateKeys.UNSUMMARISED },
          Limit: limit,
        }),
      );
      return Items.map(toUpdate);
    },

    async markSummarised(update) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: updateKey(update, update.id),
          UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    },

    async history(key, { limit, cursor }) {
      const scope = updateKeys.historyScope(key.ijbId, key.planYear, key.ref);
      const decoded = cursor ? decodeCursor(cursor) : undefined;
      const start = decoded?.gsi1pk === scope ? decoded : undefined;
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :scope',
          ExpressionAttributeValues: { ':scope': scope },
          ScanIndexForward: false,
          Limit: limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const events = ((page.Items ?? []) as Item[]).map(toEvent);
      const last = page.LastEvaluatedKey;
      return { events, ...(last ? { next: encodeCursor(last) } : {}) };
    },

    withdraw(update, at) {
      return written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: updateKey(update, update.id),
            UpdateExpression: 'SET withdrawn = :withdrawn',
            ConditionExpression:
              'attribute_exists(pk) AND attribute_not_exists(withdrawn) AND (attribute_not_exists(signOff) OR signOff.#state = :pending)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':withdrawn': { at, by: update.by }, ':pending': 'pending' },
          }),
        ),
      );
    },

    async revise(update, content, at, editKey) {
      const revisionKey = updateKeys.revision(
        update.ijbId,
        update.planYear,
        update.ref,
        update.id,
        update.revision,
      );
      const earlier = {
        status: update.status,
        text: update.text,
        evidence: update.evidence,
        expectedDate: update.expectedDate,
        nextSteps: update.nextSteps,
      };
      await db
        .send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...revisionKey,
              type: 'UpdateRevision',
              updateId: update.id,
              revision: update.revision,
              replacedAt: at,
              ...earlier,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        )
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        });
      const next = { ...update, ...content, revision: update.revision + 1, editedAt: at };
      for (const name of ['expectedDate', 'nextSteps'] as const) if (!(name in content)) delete next[name];
      try {
        const names = ['status', 'text', 'evidence', 'expectedDate', 'nextSteps'] as const;
        const set = names.filter((name) => next[name] !== undefined);
        const remove = names.filter((name) => next[name] === undefined);
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: updateKey(update, update.id),
            UpdateExpression: `SET ${set.map((name) => `#${name} = :${name}`).join(', ')}, revision = :next, editedAt = :at, editKey = :editKey${remove.length > 0 ? ` REMOVE ${remove.map((name) => `#${name}`).join(', ')}` : ''}`,
            ConditionExpression: 'revision = :current AND attribute_not_exists(withdrawn)',
            ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
            ExpressionAttributeValues: {
              ...Object.fromEntries(set.map((name) => [`:${name}`, next[name]])),
              ':next': next.revision,
              ':current': update.revision,
              ':at': at,
              ':editKey': editKey,
            },
          }),
        );
        return next;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { Item } = await db.send(
          new GetCommand({ TableName: tableName, Key: updateKey(update, update.id), ConsistentRead: true }),
        );
        return Item?.editKey === editKey ? toUpdate(Item) : 'conflict';
      }
    },

    async decide(decision) {
      const key = updateKeys.decision(decision.ijbId, decision.planYear, decision.ref, decision.updateId);
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key,
              ...updateKeys.history(
                decision.ijbId,
                decision.planYear,
                decision.ref,
                eventOrder({ kind: 'decision', decision }),
              ),
              type: 'SignOffDecision',
              ...decision,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { created: true };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { Item } = await db.send(
          new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
        );
        return { created: false, existing: SignOffDecisionSchema.parse(stripKeys(Item ?? {})) };
      }
    },

    async setSignOff(key, id, signOff) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: updateKey(key, id),
          UpdateExpression: 'SET signOff = :signOff',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':signOff': signOff },
        }),
      );
    },

    claim(key, id, flag, at) {
      return written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: updateKey(key, id),
            UpdateExpression: 'SET #flag = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#flag)',
            ExpressionAttributeNames: { '#flag': flag },
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      );
    },
  };
}
