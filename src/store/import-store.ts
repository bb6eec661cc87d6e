import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Direction, DirectionSchema } from '../domain/direction';
import { type Milestone, MilestoneSchema } from '../domain/milestone';
import { type DirectionOutcome, DirectionOutcomeSchema } from '../domain/outcome';
import type { PlanYear } from '../domain/plan-year';
import { batchWrite, type WriteRequest } from './batch-write';
import { written } from './conditional-write';
import { createImportRecords, type ImportRecord, type ImportRecords } from './import-records';
import { keys } from './keys';
import { queryAll } from './query-all';
import type { DueEntry, PlanYearRecord } from './register-store';

type Item = Record<string, unknown>;

/** A deadline entry as kept: `open` entries are in the due-date index, closed ones are not. */
export interface StoredDueEntry extends DueEntry {
  open: boolean;
}

/** A direction's paper-owned fields as they were before a revised paper replaced them. */
export interface DirectionRevision {
  ref: string;
  revision: number;
  replacedAt: string;
  replacedBy: string;
  fields: Record<string, unknown>;
}

/** One year's register partition, read in one query. */
export interface YearSnapshot {
  record?: PlanYearRecord;
  directions: Direction[];
  dueEntries: StoredDueEntry[];
  milestones: Milestone[];
  outcomes: DirectionOutcome[];
}

export type { ImportRecord };

/**
 * The writes an import makes, beyond loading a new year: conditional updates of the attributes
 * a paper owns, append-only revisions, deadline entries, milestones, outcomes. See
 * docs/data-model.md ("Importing a paper") for the order that makes a rerun complete a crash.
 */
export interface ImportStore extends ImportRecords {
  readYear(ijbId: string, planYear: PlanYear): Promise<YearSnapshot>;
  /** Unconditional puts: only for a year not yet visible (no plan-year record). */
  putAll(
    ijbId: string,
    planYear: PlanYear,
    items: { directions?: Direction[]; dueEntries?: StoredDueEntry[]; milestones?: Milestone[] },
  ): Promise<void>;
  /** Creates a direction in a visible year; false when it exists already. */
  createDirection(direction: Direction): Promise<boolean>;
  /** Writes once; a rerun finding it written is fine. */
  putRevision(ijbId: string, planYear: PlanYear, revision: DirectionRevision): Promise<void>;
  /** SET/REMOVE attributes on condition of the version read; writes version + 1. False on a conflict. */
  updateDirection(
    ijbId: string,
    planYear: PlanYear,
    ref: string,
    expectedVersion: number,
    set: Record<string, unknown>,
    remove?: readonly string[],
  ): Promise<boolean>;
  putDueEntries(ijbId: string, planYear: PlanYear, entries: StoredDueEntry[]): Promise<void>;
  deleteDueEntries(ijbId: string, planYear: PlanYear, entries: DueEntry[]): Promise<void>;
  deleteMilestones(ijbId: string, planYear: PlanYear, ids: string[]): Promise<void>;
  putOutcomes(ijbId: string, outcomes: DirectionOutcome[]): Promise<void>;
}

export function createImportStore(db: DynamoDBDocumentClient, tableName: string): ImportStore {
  const dueItem = (ijbId: string, planYear: PlanYear, entry: StoredDueEntry): Item => {
    const { gsi1pk, gsi1sk, ...key } = keys.deadline(
      ijbId,
      planYear,
      entry.ref,
      entry.deadlineIndex,
      entry.dueDate,
    );
    const { open: _open, ...fields } = entry;
    return { ...key, ...(entry.open ? { gsi1pk, gsi1sk } : {}), type: 'Deadline', ...fields };
  };
  const deadlineKey = (ijbId: string, planYear: PlanYear, entry: DueEntry) => {
    const { pk, sk } = keys.deadline(ijbId, planYear, entry.ref, entry.deadlineIndex, entry.dueDate);
    return { pk, sk };
  };

  const queryPrefix = async (pk: string, prefix: string): Promise<Item[]> =>
    (await queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    })) as Item[];

  return {
    async readYear(ijbId, planYear) {
      const snapshot: YearSnapshot = { directions: [], dueEntries: [], milestones: [], outcomes: [] };
      const { pk } = keys.registerPartition(ijbId, planYear);
      // Only what a paper owns: the partition also holds progress updates, which grow all year.
      const [directions, dueEntries, milestones, outcomes] = await Promise.all(
        ['DIR#', 'DUE#', 'MS#', 'OUTCOME#'].map((prefix) => queryPrefix(pk, prefix)),
      );
      for (const item of directions ?? []) snapshot.directions.push(DirectionSchema.parse(fieldsOf(item)));
      for (const item of dueEntries ?? []) {
        const fields = fieldsOf(item);
        snapshot.dueEntries.push({
          ref: String(fields.ref),
          dueDate: String(fields.dueDate),
          deadlineIndex: Number(fields.deadlineIndex),
          open: item.gsi1pk !== undefined,
        });
      }
      for (const item of milestones ?? []) snapshot.milestones.push(MilestoneSchema.parse(fieldsOf(item)));
      for (const item of outcomes ?? []) snapshot.outcomes.push(DirectionOutcomeSchema.parse(fieldsOf(item)));
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.planYear(ijbId, planYear) }),
      );
      if (Item) {
        const { pk: _pk, sk: _sk, type: _type, ...record } = Item;
        snapshot.record = record as unknown as PlanYearRecord;
      }
      return snapshot;
    },

    async putAll(ijbId, planYear, { directions = [], dueEntries = [], milestones = [] }) {
      const requests: WriteRequest[] = [
        ...directions.map((direction) => ({
          PutRequest: {
            Item: { ...keys.direction(ijbId, planYear, direction.ref), type: 'Direction', ...direction },
          },
        })),
        ...dueEntries.map((entry) => ({ PutRequest: { Item: dueItem(ijbId, planYear, entry) } })),
        ...milestones.map((milestone) => ({
          PutRequest: {
            Item: { ...keys.milestone(ijbId, planYear, milestone.id), type: 'Milestone', ...milestone },
          },
        })),
      ];
      await batchWrite(db, tableName, requests);
    },

    createDirection: (direction) => putNewDirection(db, tableName, direction),

    async putRevision(ijbId, planYear, revision) {
      await written(
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.revision(ijbId, planYear, revision.ref, revision.revision),
              type: 'Revision',
              ...revision,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },

    async updateDirection(ijbId, planYear, ref, expectedVersion, set, remove = []) {
      const names: Record<string, string> = { '#version': 'version' };
      const values: Record<string, unknown> = { ':expected': expectedVersion, ':next': expectedVersion + 1 };
      const sets = Object.entries(set).map(([name, value], index) => {
        names[`#s${index}`] = name;
        values[`:s${index}`] = value;
        return `#s${index} = :s${index}`;
      });
      const removes = remove.map((name, index) => {
        names[`#r${index}`] = name;
        return `#r${index}`;
      });
      return written(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.direction(ijbId, planYear, ref),
            UpdateExpression: `SET ${[...sets, '#version = :next'].join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        ),
      );
    },

    async putDueEntries(ijbId, planYear, entries) {
      await batchWrite(
        db,
        tableName,
        entries.map((entry) => ({ PutRequest: { Item: dueItem(ijbId, planYear, entry) } })),
      );
    },

    async deleteDueEntries(ijbId, planYear, entries) {
      await batchWrite(
        db,
        tableName,
        entries.map((entry) => ({ DeleteRequest: { Key: deadlineKey(ijbId, planYear, entry) } })),
      );
    },

    async deleteMilestones(ijbId, planYear, ids) {
      await batchWrite(
        db,
        tableName,
        ids.map((id) => ({ DeleteRequest: { Key: keys.milestone(ijbId, planYear, id) } })),
      );
    },

    async putOutcomes(ijbId, outcomes) {
      await batchWrite(
        db,
        tableName,
        outcomes.map((outcome) => ({
          PutRequest: {
            Item: {
              ...keys.outcome(ijbId, outcome.planYear, outcome.ref),
              type: 'Outcome',
              ijbId,
              ...outcome,
            },
          },
        })),
      );
    },
    ...createImportRecords(db, tableName),
  };
}

function fieldsOf(item: Item): Item {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _type, ...fields } = item;
  return fields;
}

/** A direction not in the register yet, written only if its key is free: false when it is taken. */
export function putNewDirection(
  db: DynamoDBDocumentClient,
  tableName: string,
  direction: Direction,
): Promise<boolean> {
  return written(
    db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.direction(direction.ijbId, direction.planYear, direction.ref),
          type: 'Direction',
          ...direction,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}
