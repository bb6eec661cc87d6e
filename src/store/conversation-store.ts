import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ConversationPlace,
  type ConversationState,
  ConversationStateSchema,
} from '../domain/conversation-state';
import { written } from './conditional-write';
import { updateKeys } from './update-keys';

/**
 * Conversations in progress, one item per person per DM or thread. Writes are conditional on
 * the version read, so two messages landing at once cannot both advance the same step.
 * Expiry is checked by the reader (`expiresAt`): dynalite has no TTL, and DynamoDB's is late.
 */
export interface ConversationStore {
  get(place: ConversationPlace): Promise<ConversationState | undefined>;
  /** Writes `state` (its version + 1) if the stored one is still at `state.version`; false if not. */
  put(state: ConversationState): Promise<boolean>;
  end(place: ConversationPlace): Promise<void>;
}

export function createConversationStore(db: DynamoDBDocumentClient, tableName: string): ConversationStore {
  const key = (place: ConversationPlace) =>
    updateKeys.conversation(place.channel, place.thread, place.userId);
  return {
    async get(place) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(place), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...state } = Item;
      return ConversationStateSchema.parse(state);
    },
    put(state) {
      return written(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(state), type: 'Conversation', ...state, version: state.version + 1 },
            ConditionExpression: state.version === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
            ...(state.version === 0 ? {} : { ExpressionAttributeValues: { ':expected': state.version } }),
          }),
        ),
      );
    },
    async end(place) {
      await db.send(new DeleteCommand({ TableName: tableName, Key: key(place) }));
    },
  };
}
