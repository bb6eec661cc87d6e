import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlanYear } from '../domain/plan-year';
import { written as conditional } from './conditional-write';
import { keys } from './keys';
import { queryAll } from './query-all';

type Item = Record<string, unknown>;

export interface ImportRecord {
  ijbId: string;
  planYear: PlanYear;
  at: string;
  by: string;
  source: string;
  sha256: string;
  summary: Record<string, number>;
  /** In progress from before the first write until after the last; absent in older records (done). */
  state?: 'in-progress' | 'done';
}

export interface ImportRecords {
  putImportRecord(record: ImportRecord): Promise<void>;
  /**
   * Before an import's first write: its record, in progress, and the year marked on the IJB's
   * profile as being imported (not yet live), which lookups and nudges read anyway.
   */
  beginImport(record: ImportRecord): Promise<void>;
  /** After its last write (RegisterStore.writePlanYear, which makes the year live): the record done. */
  finishImport(record: ImportRecord): Promise<void>;
  /** The newest import of the year that began and did not finish, if any. */
  unfinishedImport(ijbId: string, planYear: PlanYear): Promise<ImportRecord | undefined>;
}

/** The import records of src/store/import-store.ts: one per import, in progress until its last write. */
export function createImportRecords(db: DynamoDBDocumentClient, tableName: string): ImportRecords {
  const put = async (record: ImportRecord) => {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.importRecord(record.ijbId, record.planYear, record.at), type: 'Import', ...record },
      }),
    );
  };
  const queryPrefix = async (pk: string, prefix: string): Promise<Item[]> =>
    (await queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    })) as Item[];

  return {
    putImportRecord: put,

    async beginImport(record) {
      await put({ ...record, state: 'in-progress' });
      // Only a profile already there is marked: an IJB with no profile yet has nothing live.
      await conditional(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.ijb(record.ijbId),
            UpdateExpression: 'ADD #importing :years',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#importing': 'importingYears' },
            ExpressionAttributeValues: { ':years': new Set([record.planYear]) },
          }),
        ),
      );
    },

    async finishImport(record) {
      // The year left importingYears with the profile's last write (RegisterStore.writePlanYear).
      await put({ ...record, state: 'done' });
    },

    async unfinishedImport(ijbId, planYear) {
      const { pk, sk } = keys.importRecord(ijbId, planYear, '');
      const records = await queryPrefix(pk, sk);
      const open = records.filter((item) => item.state === 'in-progress');
      const latest = open.at(-1);
      if (!latest) return undefined;
      const { pk: _pk, sk: _sk, type: _type, ...record } = latest;
      return record as unknown as ImportRecord;
    },
  };
}
