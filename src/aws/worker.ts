import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { App, Receiver } from '@slack/bolt';
import { buildLambdaProduct } from '../product/lambda-product';
import { buildTeamsPeople } from '../product/nudge-posters';
import type { SlackProduct } from '../product/slack-product';
import type { TeamsAuthConfig } from '../teams/adapter';
import { createInProcessQueue, runJob } from '../work/job-queue';
import type { LambdaEnv } from './lambda-config';
import { WorkerEventSchema } from './lambda-job-queue';
import type { Observability } from './observability';
import { isLambdaContext } from './slack-lambda';
import type { SlackSecrets } from './slack-secrets';
import type { TeamsSecret } from './teams-lambda';

export class InvalidWorkerEventError extends Error {
  override name = 'InvalidWorkerEventError';
}

/** The worker receives no Slack requests: a Bolt app with no transport, for its client and listeners. */
class NoTransportReceiver implements Receiver {
  init(_app: App): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

export interface WorkerDeps {
  env: LambdaEnv;
  secrets: SlackSecrets;
  db: DynamoDBDocumentClient;
  observability: Observability;
  clock?: () => Date;
  /** The Azure Bot's secret, when the stack has a Teams app: notes to Teams users go out from here. */
  teamsSecret?: TeamsSecret | undefined;
  /** Stand-in connectors' reply credentials (tests); MSAL otherwise. */
  teamsOutbound?: TeamsAuthConfig['outbound'];
}

/**
 * Runs the jobs the Slack function deferred past its ack, with the same product (capabilities,
 * Web API client, stores) the Slack function builds. A failed job throws: Lambda retries the
 * invocation twice, then sends it to the worker's DLQ. Jobs a job enqueues run in this
 * invocation, before it returns.
 */
export function createWorkerHandler(deps: WorkerDeps): (event: unknown, context: unknown) => Promise<void> {
  const { env, secrets, observability } = deps;
  const { logger, metrics, productMetrics } = observability;
  let product: SlackProduct | undefined;
  const followUps = createInProcessQueue(
    () => product?.jobHandlers ?? {},
    (job, error) => {
      productMetrics.count('JobsFailed');
      logger.error(`Follow-up job ${job.kind} failed`, error as Error);
    },
  );
  product = buildLambdaProduct({
    env,
    secrets,
    db: deps.db,
    observability,
    receiver: new NoTransportReceiver(),
    queue: followUps,
    clock: deps.clock ?? (() => new Date()),
    ...(env.TEAMS_APP_ID && deps.teamsSecret
      ? {
          people: buildTeamsPeople(
            {
              appId: env.TEAMS_APP_ID,
              appPassword: deps.teamsSecret.appPassword,
              tenantId: deps.teamsSecret.tenantId,
              outbound: deps.teamsOutbound,
            },
            deps.db,
            env.TABLE_NAME,
            (message, error) => logger.warn(message, { error: String(error ?? '') }),
          ),
        }
      : {}),
  });
  const handlers = product.jobHandlers;
  metrics.captureColdStartMetric();

  return async (event, context) => {
    if (isLambdaContext(context)) logger.addContext(context);
    const parsed = WorkerEventSchema.safeParse(event);
    if (!parsed.success) {
      // Retrying cannot fix it; the DLQ keeps it for a person to read.
      throw new InvalidWorkerEventError(`Not a worker event: ${parsed.error.issues[0]?.message}`);
    }
    const { job, correlationId } = parsed.data;
    if (correlationId) logger.setCorrelationId(correlationId);
    try {
      await runJob(handlers, job);
      await followUps.drain();
      logger.info(`Job ${job.kind} done`);
    } catch (error) {
      productMetrics.count('JobsFailed');
      logger.error(`Job ${job.kind} failed`, error as Error);
      throw error;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}
