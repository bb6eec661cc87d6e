import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Receiver } from '@slack/bolt';
import type { LambdaEnv } from '../aws/lambda-config';
import type { Observability } from '../aws/observability';
import type { SlackSecrets } from '../aws/slack-secrets';
import { createDynamoRegisterStore } from '../store/dynamo-register-store';
import { createShareLinkStore } from '../store/share-link-store';
import type { PersonNotifier } from '../updates/person-notes';
import { createShareLinks } from '../web/share-links';
import type { JobQueue } from '../work/job-queue';
import { buildSlackProduct, type SlackProduct } from './slack-product';

/** The Slack product as every Lambda function builds it: from its environment, secret and logs. */
export function buildLambdaProduct(input: {
  env: LambdaEnv;
  secrets: SlackSecrets;
  db: DynamoDBDocumentClient;
  observability: Observability;
  receiver: Receiver;
  queue: JobQueue;
  clock: () => Date;
  /** The share-link key (from Secrets Manager) and the web register's URL: `/direction share web`, unfurls. */
  web?: { shareSecret: string; publicUrl: string };
  /** Teams users' notes, when the stack has a Teams app. */
  people?: PersonNotifier;
}): SlackProduct {
  const { env, secrets, observability } = input;
  return buildSlackProduct({
    slack: {
      receiver: input.receiver,
      botToken: secrets.botToken,
      botId: secrets.botId,
      botUserId: secrets.botUserId,
      slackApiUrl: env.SLACK_API_URL,
      logLevel: env.LOG_LEVEL,
      logger: observability.boltLogger,
    },
    store: createDynamoRegisterStore(input.db, env.TABLE_NAME),
    db: input.db,
    tableName: env.TABLE_NAME,
    clock: input.clock,
    queue: input.queue,
    defaultIjbId: env.DIRECTIONS_IJB,
    admins: env.DIRECTIONS_ADMINS,
    metrics: observability.productMetrics,
    ...(input.people ? { people: input.people } : {}),
    ...(input.web
      ? {
          web: {
            shareLinks: createShareLinks({
              secret: input.web.shareSecret,
              links: createShareLinkStore(input.db, env.TABLE_NAME),
              clock: input.clock,
            }),
            publicUrl: input.web.publicUrl,
          },
        }
      : {}),
  });
}
