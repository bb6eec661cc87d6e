import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type TeamsConversation, TeamsConversationSchema } from '../domain/teams-conversation';
import { queryAll, withoutKeys } from './query-all';

/** Teams conversations with the bot installed, in one partition (a few hundred at most). */
export interface TeamsConversationStore {
  put(conversation: TeamsConversation): Promise<void>;
  remove(conversationId: string): Promise<void>;
  list(): Promise<TeamsConversation[]>;
  /** One conversation, to continue it proactively (a digest, a DM). */
  get(conversationId: string): Promise<TeamsConversation | undefined>;
  /** A person's own chat with the bot (by `aad:` id), where notes to them go. */
  putPersonal(userId: string, conversation: TeamsConversation): Promise<void>;
  getPersonal(userId: string): Promise<TeamsConversation | undefined>;
}

const PK = 'TEAMS#CONVERSATIONS';
const sk = (conversationId: string) => `CONV#${conversationId}`;
const personal = (userId: string) => `USER#${userId}`;

export function createTeamsConversationStore(
  db: DynamoDBDocumentClient,
  tableName: string,
): TeamsConversationStore {
  const read = async (key: string) => {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: { pk: PK, sk: key } }));
    return Item ? TeamsConversationSchema.parse(withoutKeys(Item)) : undefined;
  };
  return {
    async put(conversation) {
      const item = TeamsConversationSchema.parse(conversation);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: PK, sk: sk(item.conversationId), type: 'TeamsConversation', ...item },
        }),
      );
    },
    async remove(conversationId) {
      await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: PK, sk: sk(conversationId) } }));
    },
    async get(conversationId) {
      return read(sk(conversationId));
    },
    async putPersonal(userId, conversation) {
      const item = TeamsConversationSchema.parse(conversation);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: PK, sk: personal(userId), type: 'TeamsPersonalChat', userId, ...item },
        }),
      );
    },
    async getPersonal(userId) {
      return read(personal(userId));
    },
    async list() {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': PK, ':prefix': 'CONV#' },
      });
      return items.map((item) => TeamsConversationSchema.parse(withoutKeys(item)));
    },
  };
}
