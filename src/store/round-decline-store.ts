import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { refKey } from '../domain/direction';
import { type RoundDecline, RoundDeclineSchema } from '../domain/round-decline';
import { stripKeys } from './conditional-write';
import { queryAll } from './query-all';

/**
 * Declines of a round's asks, one item per round, direction and lead (a second "not mine"
 * from the same lead replaces the reason). In the IJB's partition under their own prefix:
 * not under ROUND#, which `list` of rounds reads. See docs/data-model.md.
 */
export const roundDeclineKeys = {
  decline: (d: Pick<RoundDecline, 'ijbId' | 'roundId' | 'ref' | 'by'>) => ({
    pk: `IJB#${d.ijbId}`,
    sk: `RDECLINE#${d.roundId}#${refKey(d.ref)}#${d.by}`,
  }),
  prefix: (ijbId: string, roundId: string) => ({ pk: `IJB#${ijbId}`, skPrefix: `RDECLINE#${roundId}#` }),
};

export interface RoundDeclineStore {
  put(decline: RoundDecline): Promise<void>;
  list(ijbId: string, roundId: string): Promise<RoundDecline[]>;
}

export function createRoundDeclineStore(db: DynamoDBDocumentClient, tableName: string): RoundDeclineStore {
  return {
    async put(decline) {
      const parsed = RoundDeclineSchema.parse(decline);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...roundDeclineKeys.decline(parsed), type: 'RoundDecline', ...parsed },
        }),
      );
    },
    async list(ijbId, roundId) {
      const { pk, skPrefix } = roundDeclineKeys.prefix(ijbId, roundId);
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      });
      return items.map((item) => RoundDeclineSchema.parse(stripKeys(item)));
    },
  };
}
