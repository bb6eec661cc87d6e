import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type NudgeKey, nudgeKeys } from './nudge-keys';
import { queryAll, withoutKeys } from './query-all';

export type { NudgeKey };

/**
 * A reminder's record, written with a conditional put *before* it is posted, so at-least-once
 * schedules and concurrent runs post it once. 'sending' holds a lease: a run that died
 * mid-post leaves it to be retried once the lease is over.
 */
export interface NudgeRecord extends NudgeKey {
  status: 'sending' | 'sent' | 'failed';
  /** The day it was first due to go (a retry keeps it, so a reminder that keeps failing ages out). */
  day: string;
  runId: string;
  attempts: number;
  leaseUntil: string;
  ts?: string;
  error?: string;
  sentAt?: string;
}

export interface Claim {
  runId: string;
  day: string;
  now: Date;
  leaseMs: number;
}

export interface NudgeRecordStore {
  /** The records that exist for these keys, by {@link nudgeId}. */
  getMany(keys: readonly NudgeKey[]): Promise<Map<string, NudgeRecord>>;
  /** Takes the reminder for this run: true when it is this run's to post. */
  claim(key: NudgeKey, existing: NudgeRecord | undefined, claim: Claim): Promise<boolean>;
  markSent(key: NudgeKey, runId: string, ts: string, at: Date): Promise<void>;
  /** Marks it failed and puts it in the retry index, by `firstDay`, the day it was first due to go. */
  markFailed(key: NudgeKey, runId: string, error: string, at: Date, firstDay: string): Promise<void>;
  /** Failed reminders first due between `from` and `to`: what the next runs retry. */
  listRetries(from: string, to: string): Promise<NudgeRecord[]>;
  /** The latest day before `day` whose run finished, if any. */
  lastRunBefore(day: string): Promise<string | undefined>;
  markRun(day: string, runId: string, at: Date): Promise<void>;
  listForDirection(ijbId: string, planYear: string, ref: string): Promise<NudgeRecord[]>;
  /** Takes one channel's digest of the day for this run (one message per channel per day). */
  claimDigest(day: string, channel: string, claim: Claim): Promise<boolean>;
  finishDigest(day: string, channel: string, runId: string, outcome: DigestOutcome): Promise<void>;
}

export interface DigestOutcome {
  status: 'done' | 'failed';
  messages: { ts: string; refs: string[] }[];
  error?: string;
}

export function nudgeId(key: NudgeKey): string {
  return nudgeKeys.nudge(key).pk + nudgeKeys.nudge(key).sk;
}

const isConflict = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

export function createNudgeRecordStore(db: DynamoDBDocumentClient, tableName: string): NudgeRecordStore {
  const conditional = async (send: () => Promise<unknown>): Promise<boolean> => {
    try {
      await send();
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  };

  return {
    async getMany(wanted) {
      const found = new Map<string, NudgeRecord>();
      const unique = [...new Map(wanted.map((key) => [nudgeId(key), nudgeKeys.nudge(key)])).values()];
      for (let i = 0; i < unique.length; i += 100) {
        let pending: Record<string, unknown>[] = unique.slice(i, i + 100);
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 8) throw new Error('DynamoDB kept nudge records unprocessed after 8 retries');
          if (attempt > 0)
            await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 2_000)));
          const result = await db.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }),
          );
          for (const item of result.Responses?.[tableName] ?? []) {
            found.set(String(item.pk) + String(item.sk), toRecord(item));
          }
          pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
        }
      }
      return found;
    },

    async claim(key, existing, { runId, day, now, leaseMs }) {
      const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
      if (!existing) {
        return conditional(() =>
          db.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...nudgeKeys.nudge(key),
                type: 'Nudge',
                ...key,
                status: 'sending',
                day,
                lastTriedDay: day,
                runId,
                attempts: 1,
                leaseUntil,
                claimedAt: now.toISOString(),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        );
      }
      const retryable =
        existing.status === 'failed' ||
        (existing.status === 'sending' && existing.leaseUntil < now.toISOString());
      if (!retryable) return false;
      // Conditional on exactly what was read: of two runs retrying it, one wins.
      return conditional(() =>
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: nudgeKeys.nudge(key),
            UpdateExpression:
              'SET #status = :sending, lastTriedDay = :day, runId = :run, attempts = attempts + :one, leaseUntil = :lease, claimedAt = :now',
            ConditionExpression: '#status = :was AND runId = :previousRun AND attempts = :attempts',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':day': day,
              ':run': runId,
              ':one': 1,
              ':lease': leaseUntil,
              ':now': now.toISOString(),
              ':was': existing.status,
              ':previousRun': existing.runId,
              ':attempts': existing.attempts,
            },
          }),
        ),
      );
    },

    async markSent(key, runId, ts, at) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: nudgeKeys.nudge(key),
          UpdateExpression: 'SET #status = :sent, ts = :ts, sentAt = :at REMOVE #error, gsi1pk, gsi1sk',
          ConditionExpression: 'runId = :run',
          ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
          ExpressionAttributeValues: { ':sent': 'sent', ':ts': ts, ':at': at.toISOString(), ':run': runId },
        }),
      );
    },

    async markFailed(key, runId, error, at, firstDay) {
      const retry = nudgeKeys.retryIndex(firstDay, key);
      await conditional(() =>
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: nudgeKeys.nudge(key),
            UpdateExpression:
              'SET #status = :failed, #error = :error, failedAt = :at, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk',
            ConditionExpression: 'runId = :run AND #status = :sending',
            ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
            ExpressionAttributeValues: {
              ':failed': 'failed',
              ':sending': 'sending',
              ':error': error.slice(0, 500),
              ':at': at.toISOString(),
              ':run': runId,
              ':gsi1pk': retry.gsi1pk,
              ':gsi1sk': retry.gsi1sk,
            },
          }),
        ),
      );
    },

    async listRetries(from, to) {
      const items = await queryAll(db, {
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': nudgeKeys.retryScope(), ':from': from, ':to': `${to}~` },
      });
      return items.map(toRecord);
    },

    async lastRunBefore(day) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk < :day',
          ExpressionAttributeValues: { ':pk': nudgeKeys.run(day).pk, ':day': day },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      return Items[0]?.sk as string | undefined;
    },

    async markRun(day, runId, at) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...nudgeKeys.run(day), type: 'NudgeRun', day, runId, finishedAt: at.toISOString() },
        }),
      );
    },

    async listForDirection(ijbId, planYear, ref) {
      const { pk, skPrefix } = nudgeKeys.nudgePrefix(ijbId, planYear, ref);
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      });
      return items.map(toRecord);
    },

    async claimDigest(day, channel, { runId, now, leaseMs }) {
      return conditional(() =>
        db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...nudgeKeys.digest(day, channel),
              type: 'Digest',
              day,
              channel,
              status: 'sending',
              runId,
              leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
              claimedAt: now.toISOString(),
            },
            // Free, failed earlier today, or held by a run that died: then it is ours.
            ConditionExpression:
              'attribute_not_exists(pk) OR #status = :failed OR (#status = :sending AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':failed': 'failed',
              ':sending': 'sending',
              ':now': now.toISOString(),
            },
          }),
        ),
      );
    },

    async finishDigest(day, channel, runId, outcome) {
      await conditional(() =>
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: nudgeKeys.digest(day, channel),
            UpdateExpression: 'SET #status = :status, messages = :messages, #error = :error',
            ConditionExpression: 'runId = :run',
            ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
            ExpressionAttributeValues: {
              ':status': outcome.status,
              ':messages': outcome.messages,
              ':error': outcome.error ?? null,
              ':run': runId,
            },
          }),
        ),
      );
    },
  };
}

function toRecord(item: Record<string, unknown>): NudgeRecord {
  return withoutKeys(item) as unknown as NudgeRecord;
}
