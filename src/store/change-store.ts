import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Direction } from '../domain/direction';
import { type RegisterChange, RegisterChangeSchema } from '../domain/register-change';
import { stripKeys, written } from './conditional-write';
import { putNewDirection } from './import-store';
import { keys } from './keys';

/** The attributes a mid-year change may set on a direction (never status, leads or updates). */
export type ChangedAttributes = Partial<
  Pick<Direction, 'text' | 'deadlines' | 'lifecycle' | 'supersedes' | 'supersededBy' | 'registerChanges'>
>;

/** A deadline of a direction with a due day, for the due-date index. */
export interface ChangeDueEntry {
  dueDate: string;
  deadlineIndex: number;
}

/**
 * Mid-year changes: the append-only change records, and the conditional writes that apply one
 * to its direction. No transactions (dynalite has none): every write is create-once or
 * version-checked, so a retry of the same request finishes what an earlier attempt began.
 */
export interface ChangeStore {
  /** Writes the record once; false when it is there already (a retry). */
  record(change: RegisterChange): Promise<boolean>;
  list(ijbId: string, planYear: string, ref: string): Promise<RegisterChange[]>;
  /** Puts a new direction only when its ref is free in the year; false when taken. */
  addDirection(direction: Direction): Promise<boolean>;
  /** Sets the attributes on condition of the version read, adding 1 to it; false on a conflict. */
  updateDirection(direction: Direction, attributes: ChangedAttributes): Promise<boolean>;
  /** Makes the direction's due-date entries these (in the index while `open`), deleting the rest. */
  replaceDueEntries(
    direction: Pick<Direction, 'ijbId' | 'planYear' | 'ref'>,
    entries: readonly ChangeDueEntry[],
    open: boolean,
  ): Promise<void>;
}

export function createChangeStore(db: DynamoDBDocumentClient, tableName: string): ChangeStore {
  const queryPrefix = async (pk: string, prefix: string) => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };

  return {
    record(change) {
      const key = keys.registerChange(change.ijbId, change.planYear, change.ref, change.at, change.id);
      return written(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, type: 'RegisterChange', ...change },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },

    async list(ijbId, planYear, ref) {
      const { pk, sk } = keys.registerChange(ijbId, planYear, ref, '', '');
      const items = await queryPrefix(pk, sk.replace(/##$/, '#'));
      return items.map((item) => RegisterChangeSchema.parse(stripKeys(item)));
    },

    addDirection: (direction) => putNewDirection(db, tableName, direction),

    updateDirection(direction, attributes) {
      const names = Object.keys(attributes) as (keyof ChangedAttributes)[];
      return written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.direction(direction.ijbId, direction.planYear, direction.ref),
            UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}, #version = :next`,
            ConditionExpression: 'attribute_exists(pk) AND #version = :version',
            ExpressionAttributeNames: {
              ...Object.fromEntries(names.map((name) => [`#${name}`, name])),
              '#version': 'version',
            },
            ExpressionAttributeValues: {
              ...Object.fromEntries(names.map((name) => [`:${name}`, attributes[name]])),
              ':version': direction.version,
              ':next': direction.version + 1,
            },
          }),
        ),
      );
    },

    async replaceDueEntries({ ijbId, planYear, ref }, entries, open) {
      const { pk, skPrefix } = keys.deadlinePrefix(ijbId, planYear, ref);
      const wanted = new Set(entries.map((entry) => entry.deadlineIndex));
      for (const stale of await queryPrefix(pk, skPrefix))
        if (!wanted.has(stale.deadlineIndex as number))
          await db.send(new DeleteCommand({ TableName: tableName, Key: { pk, sk: stale.sk as string } }));
      for (const entry of entries) {
        const { gsi1pk, gsi1sk, ...key } = keys.deadline(
          ijbId,
          planYear,
          ref,
          entry.deadlineIndex,
          entry.dueDate,
        );
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, ...(open ? { gsi1pk, gsi1sk } : {}), type: 'Deadline', ref, ...entry },
          }),
        );
      }
    },
  };
}
