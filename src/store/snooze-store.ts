import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, type LocalDate } from '../domain/local-date';
import { type Snooze, SnoozeSchema } from '../domain/snooze';
import { nudgeKeys } from './nudge-keys';
import { queryAll, withoutKeys } from './query-all';

/** Snoozes of a direction's reminders, one per direction and channel: snoozing again extends it. */
export interface SnoozeStore {
  put(snooze: Snooze): Promise<void>;
  /** Snoozes of a plan year still running on `today`: read from the index by end day, never the expired ones. */
  listActive(ijbId: string, planYear: string, today: LocalDate): Promise<Snooze[]>;
}

export function createSnoozeStore(db: DynamoDBDocumentClient, tableName: string): SnoozeStore {
  return {
    async put(snooze) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...nudgeKeys.snooze(snooze), type: 'Snooze', ...snooze },
        }),
      );
    },
    async listActive(ijbId, planYear, today) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: 'gsi1',
        // A snooze until tomorrow or later still covers today.
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :tomorrow',
        ExpressionAttributeValues: {
          ':pk': nudgeKeys.snoozeScope(ijbId, planYear),
          ':tomorrow': addDays(today, 1),
        },
      });
      return items.map((item) => SnoozeSchema.parse(withoutKeys(item)));
    },
  };
}
