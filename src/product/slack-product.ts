import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { App } from '@slack/bolt';
import { createAdminDirectory } from '../access/admins';
import type { PaperReader } from '../import/read-paper';
import { createLookupService } from '../lookup/lookup-service';
import { createBotClient, createSlackApp, type SlackAppOptions } from '../slack/app';
import type { SlackCapability } from '../slack/capability';
import type { RegisterStore } from '../store/register-store';
import { createThreadAnchorStore } from '../store/thread-anchors';
import type { JobHandlers, JobQueue } from '../work/job-queue';
import { type ProductMetrics, uncountedMetrics } from '../work/metrics';
import { createCapabilities, jobHandlersOf, type ProductDeps } from './capabilities';

export interface SlackProductInput {
  /** Transport: the local HTTP server, Socket Mode, AwsLambdaReceiver, or none (the worker). */
  slack: SlackAppOptions;
  store: RegisterStore;
  db: DynamoDBDocumentClient;
  tableName: string;
  clock: () => Date;
  queue: JobQueue;
  defaultIjbId: string;
  /** DIRECTIONS_ADMINS: the IJB admins configured at deploy time. */
  admins: readonly string[];
  metrics?: ProductMetrics;
  ackBudgetMs?: number;
  /** Where papers sent to the bot are read (a worker thread locally); this thread when unset. */
  paperReader?: PaperReader;
  web?: ProductDeps['web'];
  /** Teams users' notes (sign-off requests, decisions), when Teams is configured. */
  people?: ProductDeps['people'];
}

export interface SlackProduct {
  app: App;
  deps: ProductDeps;
  capabilities: SlackCapability[];
  jobHandlers: JobHandlers;
}

/**
 * The whole Slack product — lookups and every capability, their listeners and their jobs —
 * built one way for every place it runs: `npm start`, the Slack Lambda and the worker Lambda.
 * Only the transport and the job queue differ, so the three cannot drift apart.
 */
export function buildSlackProduct(input: SlackProductInput): SlackProduct {
  const deps: ProductDeps = {
    store: input.store,
    db: input.db,
    tableName: input.tableName,
    clock: input.clock,
    queue: input.queue,
    defaultIjbId: input.defaultIjbId,
    admins: createAdminDirectory(input.db, input.tableName, input.admins, input.defaultIjbId),
    threadAnchors: createThreadAnchorStore(input.db, input.tableName),
    metrics: input.metrics ?? uncountedMetrics,
    slack: createBotClient(input.slack),
    ...(input.paperReader ? { paperReader: input.paperReader } : {}),
    ...(input.web ? { web: input.web } : {}),
    ...(input.people ? { people: input.people } : {}),
    log: (message, error) => {
      if (input.slack.logger) input.slack.logger.error(message, ...(error ? [error] : []));
      else console.error(message, ...(error ? [error] : []));
    },
  };
  const capabilities = createCapabilities(deps);
  const app = createSlackApp(input.slack, {
    lookup: createLookupService({ store: input.store, clock: input.clock, defaultIjbId: input.defaultIjbId }),
    capabilities,
    ...(input.ackBudgetMs ? { ackBudgetMs: input.ackBudgetMs } : {}),
  });
  return { app, deps, capabilities, jobHandlers: jobHandlersOf(capabilities) };
}
