import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type Direction, DirectionSchema } from '../domain/direction';
import { type Ijb, IjbSchema } from '../domain/ijb';
import { MilestoneSchema } from '../domain/milestone';
import { DirectionOutcomeSchema } from '../domain/outcome';
import { batchWrite } from './batch-write';
import { keys } from './keys';
import type { DueEntry, PlanYearRecord, PlanYearWrite, RegisterStore } from './register-store';

type Item = Record<string, unknown>;

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type'];

export function createDynamoRegisterStore(db: DynamoDBDocumentClient, tableName: string): RegisterStore {
  const query = async (input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> => {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await db.send(
        new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: start }),
      );
      items.push(...((page.Items ?? []) as Item[]));
      start = page.LastEvaluatedKey as Item | undefined;
    } while (start);
    return items;
  };

  const queryPrefix = (pk: string, skPrefix: string) =>
    query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
    });

  const putAll = (items: Item[]) =>
    batchWrite(
      db,
      tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
    );

  return {
    async getIjb(ijbId) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.ijb(ijbId) }));
      return Item ? toIjb(Item) : undefined;
    },

    async listIjbs() {
      const items = await query({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.ijbIndex('').gsi1pk },
      });
      return items.map(toIjb);
    },

    async listPlanYears(ijbId) {
      const { pk, skPrefix } = keys.planYearPrefix(ijbId);
      return (await queryPrefix(pk, skPrefix)).map((item) => strip(item) as unknown as PlanYearRecord);
    },

    async getDirection(ijbId, planYear, ref) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.direction(ijbId, planYear, ref) }),
      );
      return Item ? toDirection(Item) : undefined;
    },

    async getDirections(ijbId, planYear, refs) {
      const found: Direction[] = [];
      const unique = [...new Set(refs)];
      for (let i = 0; i < unique.length; i += 100) {
        let pending: Item[] = unique.slice(i, i + 100).map((ref) => keys.direction(ijbId, planYear, ref));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 0) await sleep(Math.min(50 * 2 ** attempt, 2_000));
          if (attempt > 8) throw new Error('DynamoDB kept keys unprocessed after 8 retries');
          const result = await db.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }),
          );
          found.push(...((result.Responses?.[tableName] ?? []) as Item[]).map(toDirection));
          pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Item[];
        }
      }
      return found;
    },

    async listDirections(ijbId, planYear) {
      const { pk, skPrefix } = keys.directionPrefix(ijbId, planYear);
      return (await queryPrefix(pk, skPrefix)).map(toDirection);
    },

    async listDue(ijbId, planYear, { from, to }) {
      // Sort keys are "<date>#<ref>#<n>": "~" sorts after every such suffix, so the range includes `to`.
      const items = await query({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': keys.dueScope(ijbId, planYear),
          ':from': from ?? '0',
          ':to': `${to}~`,
        },
      });
      return items.map((item) => ({
        ref: item.ref as string,
        dueDate: item.dueDate as string,
        deadlineIndex: item.deadlineIndex as number,
      }));
    },

    async listMilestones(ijbId, planYear) {
      const { pk } = keys.registerPartition(ijbId, planYear);
      return (await queryPrefix(pk, 'MS#')).map((item) => MilestoneSchema.parse(strip(item)));
    },

    async listOutcomes(ijbId, planYear) {
      const { pk } = keys.registerPartition(ijbId, planYear);
      return (await queryPrefix(pk, 'OUTCOME#')).map((item) => {
        const { ijbId: _ijb, ...fields } = strip(item);
        return DirectionOutcomeSchema.parse(fields);
      });
    },

    async setDeadlinesOpen(ijbId, planYear, ref, open) {
      const { pk, skPrefix } = keys.deadlinePrefix(ijbId, planYear, ref);
      for (const entry of await queryPrefix(pk, skPrefix)) {
        const index = keys.deadline(
          ijbId,
          planYear,
          ref,
          entry.deadlineIndex as number,
          entry.dueDate as string,
        );
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: index.pk, sk: index.sk },
            ...(open
              ? {
                  UpdateExpression: 'SET gsi1pk = :pk, gsi1sk = :sk',
                  ExpressionAttributeValues: { ':pk': index.gsi1pk, ':sk': index.gsi1sk },
                }
              : { UpdateExpression: 'REMOVE gsi1pk, gsi1sk' }),
          }),
        );
      }
    },

    async writePlanYear({ ijb, record, directions, dueEntries }: PlanYearWrite) {
      const { ijbId, planYear } = record;
      await putAll([
        ...directions.map((direction) => ({
          ...keys.direction(ijbId, planYear, direction.ref),
          type: 'Direction',
          ...direction,
        })),
        ...dueEntries.map((entry: DueEntry) => ({
          ...keys.deadline(ijbId, planYear, entry.ref, entry.deadlineIndex, entry.dueDate),
          type: 'Deadline',
          ...entry,
        })),
      ]);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.planYear(ijbId, planYear), type: 'PlanYear', ...record },
        }),
      );
      const {
        latestPlanYear: _latest,
        deliveryPlanYears: _plans,
        importingYears: _importing,
        ...profile
      } = ijb;
      // A string set on the profile, so a lookup learns from the one read it makes anyway
      // whether the year has milestones to show. Only ever added: a year whose plan is later
      // dropped costs a lookup one empty query, which is cheaper than getting this wrong.
      const hasPlan = (record.milestoneCount ?? 0) > 0;
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.ijb(ijbId),
          // The profile is (re)written with the load; latestPlanYear only ever moves forward. The year
          // leaves importingYears here: this is an import's last write, which makes the year live.
          UpdateExpression: `SET ${Object.keys(profile)
            .map((name) => `#${name} = :${name}`)
            .join(
              ', ',
            )}, #type = :type, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, #latest = if_not_exists(#latest, :year)${hasPlan ? ' ADD #plans :years' : ''} DELETE #importing :years`,
          ExpressionAttributeNames: {
            ...Object.fromEntries(Object.keys(profile).map((name) => [`#${name}`, name])),
            '#type': 'type',
            '#latest': 'latestPlanYear',
            '#importing': 'importingYears',
            ...(hasPlan ? { '#plans': 'deliveryPlanYears' } : {}),
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(Object.entries(profile).map(([name, value]) => [`:${name}`, value])),
            // The same one-year set: added to the delivery-plan years, taken from those being imported.
            ':years': new Set([planYear]),
            ':type': 'Ijb',
            ':gsi1pk': keys.ijbIndex(ijbId).gsi1pk,
            ':gsi1sk': keys.ijbIndex(ijbId).gsi1sk,
            ':year': planYear,
          },
        }),
      );
      await db
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.ijb(ijbId),
            UpdateExpression: 'SET #latest = :year',
            ConditionExpression: '#latest < :year',
            ExpressionAttributeNames: { '#latest': 'latestPlanYear' },
            ExpressionAttributeValues: { ':year': planYear },
          }),
        )
        .catch((error: unknown) => {
          if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        });
    },
  };
}

function strip(item: Item): Item {
  const rest = { ...item };
  for (const name of KEY_ATTRIBUTES) delete rest[name];
  return rest;
}

function toIjb(item: Item): Ijb {
  const { deliveryPlanYears, importingYears, ...rest } = strip(item);
  const sorted = (set: unknown) => (set instanceof Set ? [...set].map(String).sort() : undefined);
  const plans = sorted(deliveryPlanYears);
  const importing = sorted(importingYears);
  return IjbSchema.parse({
    ...rest,
    ...(plans ? { deliveryPlanYears: plans } : {}),
    ...(importing ? { importingYears: importing } : {}),
  });
}

function toDirection(item: Item): Direction {
  return DirectionSchema.parse(strip(item));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
