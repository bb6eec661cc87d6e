import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { NudgeRunDeps } from '../nudges/slack/run';
import type { ChaseRunDeps } from '../review/slack/chase-run';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import { createNudgeRecordStore } from '../store/nudge-records';
import { createReviewStore } from '../store/review-store';
import { createRoundDeclineStore } from '../store/round-decline-store';
import { createSnoozeStore } from '../store/snooze-store';
import { createSubscriptionStore } from '../store/subscription-store';
import { createThreadAnchorStore } from '../store/thread-anchors';

/** The stores a nudge run reads and writes, built one way for the nudge Lambda and `npm run nudge`. */
export function buildNudgeStores(
  db: DynamoDBDocumentClient,
  tableName: string,
): Pick<NudgeRunDeps, 'store' | 'records' | 'subscriptions' | 'snoozes' | 'anchors'> {
  return {
    store: createDynamoRegisterStore(db, tableName),
    records: createNudgeRecordStore(db, tableName),
    subscriptions: createSubscriptionStore(db, tableName),
    snoozes: createSnoozeStore(db, tableName),
    anchors: createThreadAnchorStore(db, tableName),
  };
}

/** What the day's review chases read besides the nudge stores (run by the same daily job). */
export function buildChaseStores(
  db: DynamoDBDocumentClient,
  tableName: string,
): Pick<ChaseRunDeps, 'reviews' | 'declines'> {
  return {
    reviews: createReviewStore(db, tableName),
    declines: createRoundDeclineStore(db, tableName),
  };
}
