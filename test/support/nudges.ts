import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TZDate } from '@date-fns/tz';
import { LONDON } from '../../src/domain/local-date';
import type { SubscriptionFilter } from '../../src/domain/subscription';
import type { MessagePoster } from '../../src/nudges/slack/posting';
import type { NudgeRunDeps } from '../../src/nudges/slack/run';
import { keys } from '../../src/store/keys';
import { createNudgeRecordStore } from '../../src/store/nudge-records';
import type { RegisterStore } from '../../src/store/register-store';
import { createSnoozeStore } from '../../src/store/snooze-store';
import { createSubscriptionStore } from '../../src/store/subscription-store';
import { createThreadAnchorStore } from '../../src/store/thread-anchors';

export interface TestData {
  db: DynamoDBDocumentClient;
  tableName: string;
  store: RegisterStore;
}

/** The daily run's dependencies over a test table. */
export function nudgeDeps(
  data: TestData,
  options: { poster?: MessagePoster; clock?: () => Date } = {},
): NudgeRunDeps {
  return {
    store: data.store,
    records: createNudgeRecordStore(data.db, data.tableName),
    subscriptions: createSubscriptionStore(data.db, data.tableName),
    snoozes: createSnoozeStore(data.db, data.tableName),
    anchors: createThreadAnchorStore(data.db, data.tableName),
    clock: options.clock ?? (() => new Date()),
    ...(options.poster ? { poster: options.poster } : {}),
  };
}

/** Sets direction attributes that other capabilities own (team channel, leads, latest update). */
export async function editDirection(
  data: TestData,
  ref: string,
  values: Record<string, unknown>,
  ijbId = 'midlothian',
  planYear = '2023-24',
): Promise<void> {
  const names = Object.keys(values);
  await data.db.send(
    new UpdateCommand({
      TableName: data.tableName,
      Key: keys.direction(ijbId, planYear, ref),
      UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
      ExpressionAttributeValues: Object.fromEntries(names.map((name) => [`:${name}`, values[name]])),
    }),
  );
}

/** `hour`:00 in Edinburgh on `day`, whatever the clocks are doing, as an instant. */
export function londonTime(day: string, hour = 9, minute = 0): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date, hour, minute, 0, LONDON).getTime());
}

/** Subscribes `channel` of Midlothian (as its planning officer did on 1 April 2023). */
export async function subscribe(
  data: TestData,
  channel: string,
  filter: SubscriptionFilter = { kind: 'all' },
  ijbId = 'midlothian',
): Promise<void> {
  await createSubscriptionStore(data.db, data.tableName).add({
    ijbId,
    channel,
    filter,
    by: 'U0PLANNER',
    at: '2023-04-01T09:00:00.000Z',
  });
}

/** Snoozes a Midlothian 2023-24 direction in `channel` until `until`. */
export async function snooze(data: TestData, ref: string, channel: string, until: string): Promise<void> {
  await createSnoozeStore(data.db, data.tableName).put({
    ijbId: 'midlothian',
    planYear: '2023-24',
    ref,
    channel,
    by: 'U0OFFICER',
    until,
    at: `${until}T00:00:00.000Z`,
  });
}
